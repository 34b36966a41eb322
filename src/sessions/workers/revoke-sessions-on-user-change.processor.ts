import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventDecoder, RecordedEvent } from '@libs/event-store';
import type { Pool } from 'mysql2/promise';
import { sessionRevocationLagSeconds } from '../../common';
import { APP_CONFIG, AppConfig } from '../../config';
import { MYSQL_POOL } from '../../database';
import { EVENT_DECODER } from '../../database';
import { EventProcessor } from '../../relay';
import { keptSessionOf, type UserEvent } from '../../users';
import { SessionNotFoundError } from '../domain/session.errors';
import { SessionRepository } from '../infrastructure/session.repository';
import { SessionsReader } from '../infrastructure/sessions.reader';
import { revocationReason, SESSION_REVOCATION } from './session-revocation.subscription';

/**
 * Blocking, deleting or changing the password of a user revokes every session that change ended, each
 * revocation an event on that session's stream. Validation already refuses those sessions (their epoch is
 * behind the user's); this makes it visible in the lists and the history. Idempotent: a replay finds the
 * sessions revoked and appends nothing.
 */
@Injectable()
export class RevokeSessionsOnUserChangeProcessor extends EventProcessor<UserEvent> {
  private readonly logger = new Logger(RevokeSessionsOnUserChangeProcessor.name);

  constructor(
    private readonly sessions: SessionRepository,
    private readonly reader: SessionsReader,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    @Inject(MYSQL_POOL) pool: Pool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(SESSION_REVOCATION, decoder, pool, config);
  }

  protected async handle(event: RecordedEvent<UserEvent>): Promise<void> {
    const reason = revocationReason(event);
    const occurredAt = event.occurredAt;
    // Every session this change ended was made in an epoch before the event's position. That includes all
    // sessions of a deleted incarnation, and excludes those of an id re-created since (later positions).
    const kept = keptSessionOf(event.event);
    const ended = await this.reader.listEndedIds(event.streamId, event.position);
    await this.cascade(
      event,
      ended.filter((sessionId) => sessionId !== kept),
      async (sessionId, metadata) => {
        await this.sessions.update(sessionId, (s) => s.revoke(reason), undefined, metadata);
        sessionRevocationLagSeconds.observe((Date.now() - occurredAt.getTime()) / 1000);
      },
      (error) => error instanceof SessionNotFoundError,
    );
    this.logger.debug(`Revoked sessions of ${event.streamId} after ${event.event.type}`);
  }
}
