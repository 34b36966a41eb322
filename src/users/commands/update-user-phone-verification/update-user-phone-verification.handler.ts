import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserPhoneVerificationCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly phoneVerification: boolean,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserPhoneVerificationCommand)
export class UpdateUserPhoneVerificationHandler implements ICommandHandler<UpdateUserPhoneVerificationCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, phoneVerification }: UpdateUserPhoneVerificationCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.changePhoneVerification(phoneVerification),
      (error) => error,
    );
  }
}
