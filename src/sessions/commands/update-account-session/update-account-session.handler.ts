import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '../../../config';
import { SessionNotFoundError } from '../../domain/session.errors';
import { SessionRepository } from '../../infrastructure/session.repository';

/** Appwrite's updateSession: the session lasts a full `SESSION_DURATION` from now. */
export class ExtendSessionCommand extends Command<void> {
  constructor(
    readonly sessionId: string,
    /** The session must belong to this user (else 404, as for an unknown session). */
    readonly userId: string,
  ) {
    super();
  }
}

@CommandHandler(ExtendSessionCommand)
export class ExtendSessionHandler implements ICommandHandler<ExtendSessionCommand> {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ sessionId, userId }: ExtendSessionCommand): Promise<void> {
    await this.sessions.update(sessionId, (session) => {
      if (session.userId !== userId) throw new SessionNotFoundError();
      const now = new Date();
      session.extend(new Date(now.getTime() + this.config.SESSION_DURATION * 1000), now);
    });
  }
}
