import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

/** Extension (Clerk's "disable MFA"): every factor and the recovery codes removed, MFA off. */
export class ResetUserMfaCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}

@CommandHandler(ResetUserMfaCommand)
export class ResetUserMfaHandler implements ICommandHandler<ResetUserMfaCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId }: ResetUserMfaCommand): Promise<void> {
    await this.users.update(userId, (user) => user.resetMfa());
  }
}
