import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '../../../config';
import { UserRepository } from '../../infrastructure/user.repository';

export class LockUserCommand extends Command<void> {
  constructor(
    readonly userId: string,
    /** Absent: LOCKOUT_DURATION from now. */
    readonly until: Date | null,
  ) {
    super();
  }
}

@CommandHandler(LockUserCommand)
export class LockUserHandler implements ICommandHandler<LockUserCommand> {
  constructor(
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ userId, until }: LockUserCommand): Promise<void> {
    const now = new Date();
    const end = until ?? new Date(now.getTime() + this.config.LOCKOUT_DURATION * 1000);
    await this.users.update(userId, (user) => user.lock(end, now));
  }
}
