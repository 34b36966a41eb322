import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserMfaCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly mfa: boolean,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserMfaCommand)
export class UpdateUserMfaHandler implements ICommandHandler<UpdateUserMfaCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, mfa }: UpdateUserMfaCommand): Promise<void> {
    await this.users.update(userId, (user) => user.changeMfa(mfa));
  }
}
