import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuthenticationFailures } from '../../infrastructure/authentication-failures';
import { UserRepository } from '../../infrastructure/user.repository';

export class UnlockUserCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}

/** Lifts the lock (an event, when there is one) and forgets the failures counted towards the next. */
@CommandHandler(UnlockUserCommand)
export class UnlockUserHandler implements ICommandHandler<UnlockUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly failures: AuthenticationFailures,
  ) {}

  async execute({ userId }: UnlockUserCommand): Promise<void> {
    await this.users.update(userId, (user) => user.unlock());
    await this.failures.clear(userId);
  }
}
