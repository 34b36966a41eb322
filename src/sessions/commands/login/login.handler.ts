import { Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AuthenticationFailures,
  lockedOut,
  RehashUserPasswordCommand,
  mayAuthenticate,
  type UserView,
  PasswordVerifier,
  VerifyResult,
  UsersReader,
} from '../../../users';
import { InvalidCredentialsError, UserBlockedError, UserLockedError } from '../../domain/session.errors';
import { CreatedSession, CreateSessionCommand } from '../create-session/create-session.handler';
import { LoginRateLimiter } from './login-rate-limiter';

export class LoginCommand extends Command<CreatedSession> {
  constructor(
    readonly email: string,
    /** Plain text: verified, never stored or logged. */
    readonly password: string,
    readonly ip: string,
    readonly userAgent: string,
  ) {
    super();
  }
}

/**
 * Email + password login. Unknown email, no password and wrong password get the same answer after the same
 * work (see PasswordVerifier); only a correct password reveals that the user is blocked. The attempt is
 * counted before the password is verified (LoginLimits), so parallel guesses cannot outrun the limit. A
 * correct password checked against an imported or older hash is re-hashed to the current argon2id parameters.
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, CreatedSession> {
  private readonly logger = new Logger(LoginHandler.name);

  constructor(
    private readonly users: UsersReader,
    private readonly passwords: PasswordVerifier,
    private readonly limiter: LoginRateLimiter,
    private readonly commandBus: CommandBus,
    private readonly failures: AuthenticationFailures,
  ) {}

  async execute({ email, password, ip, userAgent }: LoginCommand): Promise<CreatedSession> {
    const attempt = await this.limiter.consume(email, ip);
    let user: UserView | undefined;
    let result: VerifyResult;
    const now = new Date();
    try {
      user = await this.users.findByEmail(email);
      // Users' lock-out rule: refused before the password is checked, so a locked account answers the same to
      // every guess (no oracle), and the attempt is no guess (its point goes back).
      const lock = user ? lockedOut(user, now) : undefined;
      if (lock?.locked) {
        throw UserLockedError.until(lock.until!, now);
      }
      result = await this.passwords.verify(password, user);
    } catch (error) {
      attempt.cancel();
      throw error;
    }
    if (!result.verified || !user) {
      if (user) await this.failures.record(user.id, 'password');
      throw new InvalidCredentialsError();
    }
    if (!mayAuthenticate(user, now).allowed) {
      attempt.cancel();
      throw new UserBlockedError();
    }
    attempt.succeeded();
    this.failures.succeeded(user.id);
    const session = await this.commandBus.execute(
      new CreateSessionCommand(user.id, 'email', email, ['password'], ip, userAgent),
    );
    if (result.needsRehash) {
      // The login has succeeded either way: a failed upgrade is simply tried again at the next login.
      await this.commandBus
        .execute(new RehashUserPasswordCommand(user.id, password, user.password!))
        .catch((error: unknown) => this.logger.warn(`Re-hash of ${user.id} failed: ${String(error)}`));
    }
    return session;
  }
}
