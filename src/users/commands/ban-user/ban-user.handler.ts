import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../infrastructure/user.repository';

export class BanUserCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly reason: string | null,
    readonly expiresAt: Date | null,
  ) {
    super();
  }
}

/** The ban's expiry, when it has one, is scheduled by users' ban-expiry consumer of the event, not here. */
@CommandHandler(BanUserCommand)
export class BanUserHandler implements ICommandHandler<BanUserCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, reason, expiresAt }: BanUserCommand): Promise<void> {
    await this.users.update(userId, (user) => user.ban(reason, expiresAt, new Date()));
  }
}
