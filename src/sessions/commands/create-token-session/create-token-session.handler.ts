import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generateUniqueId } from '@libs/http/params';
import { mayAuthenticate, UsersReader } from '../../../users';
import { InvalidTokenError, UserBlockedError } from '../../domain/session.errors';
import { hashSessionSecret } from '../../infrastructure/session-secret';
import { TokenRepository } from '../../infrastructure/token.repository';
import { CreatedSession, CreateSessionCommand } from '../create-session/create-session.handler';
import { LoginRateLimiter } from '../login/login-rate-limiter';

export class CreateTokenSessionCommand extends Command<CreatedSession> {
  constructor(
    readonly userId: string,
    readonly secret: string,
    readonly ip: string,
    readonly userAgent: string,
  ) {
    super();
  }
}

/**
 * Exchanges a token for a session, once. Guesses count against the login limits (per user and IP, per user,
 * per IP), since a six-character secret is only 24 bits. The token is consumed before the session is made:
 * two exchanges racing on one token append to one stream, and the loser finds it consumed (401).
 */
@CommandHandler(CreateTokenSessionCommand)
export class CreateTokenSessionHandler implements ICommandHandler<CreateTokenSessionCommand, CreatedSession> {
  constructor(
    private readonly users: UsersReader,
    private readonly tokens: TokenRepository,
    private readonly limiter: LoginRateLimiter,
    private readonly commandBus: CommandBus,
  ) {}

  async execute({ userId, secret, ip, userAgent }: CreateTokenSessionCommand): Promise<CreatedSession> {
    const attempt = await this.limiter.consume(`token:${userId}`, ip);
    const secretHash = hashSessionSecret(secret);
    const sessionId = generateUniqueId();
    try {
      const user = await this.users.findById(userId);
      const tokenId = user && (await this.tokens.findUsable(userId, secretHash));
      if (!user || !tokenId) throw new InvalidTokenError();
      if (!mayAuthenticate(user).allowed) {
        attempt.cancel();
        throw new UserBlockedError();
      }
      await this.tokens.update(tokenId, (token) =>
        token.consume({
          secretHash,
          userId,
          userIncarnation: user.incarnation,
          sessionId,
          now: new Date(),
        }),
      );
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) attempt.cancel();
      throw error;
    }
    attempt.succeeded();
    return this.commandBus.execute(
      new CreateSessionCommand(userId, 'token', '', ['token'], ip, userAgent, sessionId),
    );
  }
}
