import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generateUniqueId } from '@libs/http/params';
import { GeoIpService, parseUserAgent } from '../../../device';
import { APP_CONFIG, AppConfig } from '../../../config';
import { UserNotFoundError, UsersReader } from '../../../users';
import { SessionAggregate } from '../../domain/session.aggregate';
import { SessionNotFoundError } from '../../domain/session.errors';
import { generateSessionSecret, hashSessionSecret } from '../../infrastructure/session-secret';
import { SessionRepository } from '../../infrastructure/session.repository';
import { SessionsReader } from '../../infrastructure/sessions.reader';

export interface CreatedSession {
  sessionId: string;
  /** Returned once, to the caller that created the session; only its SHA-256 is kept. */
  secret: string;
}

export class CreateSessionCommand extends Command<CreatedSession> {
  constructor(
    readonly userId: string,
    readonly provider: 'email' | 'server' | 'token',
    readonly providerUid: string,
    readonly factors: string[],
    readonly ip: string,
    readonly userAgent: string,
    /** Given when another stream names the session before it exists (the token exchanged for it). */
    readonly sessionId: string = generateUniqueId(),
  ) {
    super();
  }
}

@CommandHandler(CreateSessionCommand)
export class CreateSessionHandler implements ICommandHandler<CreateSessionCommand, CreatedSession> {
  private readonly logger = new Logger(CreateSessionHandler.name);

  constructor(
    private readonly sessions: SessionRepository,
    private readonly reader: SessionsReader,
    private readonly users: UsersReader,
    private readonly geoIp: GeoIpService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: CreateSessionCommand): Promise<CreatedSession> {
    // The session is bound to the user as it is now: if a block, a new password or a deletion lands before
    // the append commits, the session is born ended rather than outliving the change.
    const user = await this.users.findById(command.userId);
    if (!user) throw new UserNotFoundError();
    const sessionId = command.sessionId;
    const secret = generateSessionSecret();
    const session = new SessionAggregate(sessionId);
    session.create({
      sessionId,
      userId: command.userId,
      userIncarnation: user.incarnation,
      userEpoch: user.sessionEpoch,
      provider: command.provider,
      providerUid: command.providerUid,
      secretHash: hashSessionSecret(secret),
      expire: new Date(Date.now() + this.config.SESSION_DURATION * 1000).toISOString(),
      factors: command.factors,
      ip: command.ip,
      ...parseUserAgent(command.userAgent),
      ...this.geoIp.lookup(command.ip),
    });
    await this.sessions.save(session);
    await this.enforceLimit(command.userId);
    return { sessionId, secret };
  }

  /** At most SESSION_LIMIT live sessions per user: the oldest beyond it are revoked. */
  private async enforceLimit(userId: string): Promise<void> {
    const live = await this.reader.listLiveIds(userId);
    for (const sessionId of live.slice(this.config.SESSION_LIMIT)) {
      try {
        await this.sessions.update(sessionId, (s) => s.revoke('limit'));
      } catch (error) {
        // Revoked meanwhile by someone else: the limit holds either way.
        if (!(error instanceof SessionNotFoundError))
          this.logger.warn(`Could not revoke ${sessionId}: ${String(error)}`);
      }
    }
  }
}
