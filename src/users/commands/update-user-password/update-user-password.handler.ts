import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Argon2Hasher } from '@libs/passwords';
import { AuthenticationFailures } from '../../infrastructure/authentication-failures';
import { hashForStorage, PASSWORD_HASHER } from '../../infrastructure/password-hashing';
import { UserRepository } from '../../infrastructure/user.repository';

export class UpdateUserPasswordCommand extends Command<void> {
  constructor(
    readonly userId: string,
    /** Plain text; `""` removes the password. Hashed here, never stored or logged. */
    readonly password: string,
    /** The session the user changed its own password from: it stays valid (the account route). */
    readonly keepSessionId?: string,
  ) {
    super();
  }
}

@CommandHandler(UpdateUserPasswordCommand)
export class UpdateUserPasswordHandler implements ICommandHandler<UpdateUserPasswordCommand> {
  constructor(
    private readonly users: UserRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: Argon2Hasher,
    private readonly failures: AuthenticationFailures,
  ) {}

  async execute({ userId, password, keepSessionId }: UpdateUserPasswordCommand): Promise<void> {
    // Hash once, outside the retry loop: a concurrency retry must not pay argon2 again.
    const hashed = await hashForStorage(this.hasher, password);
    await this.users.update(
      userId,
      (user) => {
        user.changePassword(hashed, keepSessionId);
        // An admin setting a new password is the usual way out of a lock-out: it clears the lock too. The
        // user's own change (which keeps its session) does not: a lock is an admin's or the limiter's call.
        if (keepSessionId === undefined) user.unlock();
      },
      (error) => error,
    );
    await this.failures.clear(userId);
  }
}
