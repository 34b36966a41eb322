import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PasswordVerifier } from '../../../users/infrastructure/password-verifier';
import { UsersReader } from '../../../users/infrastructure/users.reader';
import { InvalidCredentialsError, UserBlockedError } from '../../domain/session.errors';
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
 * work (one argon2 verification); only a correct password reveals that the user is blocked.
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, CreatedSession> {
  constructor(
    private readonly users: UsersReader,
    private readonly passwords: PasswordVerifier,
    private readonly limiter: LoginRateLimiter,
    private readonly commandBus: CommandBus,
  ) {}

  async execute({ email, password, ip, userAgent }: LoginCommand): Promise<CreatedSession> {
    await this.limiter.assertAllowed(email, ip);
    const user = await this.users.findByEmail(email);
    if (!(await this.passwords.verify(password, user)) || !user) {
      await this.limiter.recordFailure(email, ip);
      throw new InvalidCredentialsError();
    }
    if (user.status !== 1) throw new UserBlockedError();
    await this.limiter.recordSuccess(email);
    return this.commandBus.execute(
      new CreateSessionCommand(user.id, 'email', email, ['password'], ip, userAgent),
    );
  }
}
