import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserEmailVerificationCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly emailVerification: boolean,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserEmailVerificationCommand)
export class UpdateUserEmailVerificationHandler implements ICommandHandler<UpdateUserEmailVerificationCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, emailVerification }: UpdateUserEmailVerificationCommand): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.changeEmailVerification(emailVerification),
      (error) => error,
    );
  }
}
