import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Worker } from 'bullmq';
import type { Pool } from 'mysql2/promise';
import { markProcessed, wasProcessed } from '../../common/queue/processed-events';
import { sessionRevocationLagSeconds } from '../../common/metrics/metrics';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { MYSQL_POOL } from '../../database/database.tokens';
import { createEventWorker } from '../../relay/event-worker';
import { EventJobData, QUEUES } from '../../relay/relay.contract';
import type { SessionRevocationReason } from '../domain/events';
import { SessionNotFoundError } from '../domain/session.errors';
import { SessionRepository } from '../infrastructure/session.repository';
import { SessionsReader } from '../infrastructure/sessions.reader';

const CONSUMER = 'session-revocation';

const REASONS: Record<string, SessionRevocationReason> = {
  'user.status.changed': 'user.blocked',
  'user.deleted': 'user.deleted',
  'user.password.changed': 'user.password.changed',
};

/**
 * Blocking, deleting or changing the password of a user revokes every session the user had when it happened,
 * each revocation an event on that session's stream. Idempotent: sessions already revoked are skipped, and
 * the event id is recorded once all are done, so a replay (or a crash half-way) ends in the same state.
 */
@Injectable()
export class RevokeSessionsOnUserChangeProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RevokeSessionsOnUserChangeProcessor.name);
  private worker?: Worker;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly reader: SessionsReader,
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = createEventWorker(QUEUES.SESSION_REVOCATION, (event) => this.process(event), this.config);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(event: EventJobData): Promise<void> {
    const reason = REASONS[event.type];
    if (!reason || event.streamType !== 'user') return;
    // Unblocking keeps the sessions (the relay only sends blocks, but a stray job must not revoke).
    if (event.type === 'user.status.changed' && event.data.status !== false) return;
    if (await wasProcessed(this.pool, CONSUMER, event.id)) return;
    const occurredAt = new Date(event.occurredAt);
    // Every session this change ended was made in an epoch before the event's position. That includes all
    // sessions of a deleted incarnation, and excludes those of an id re-created since (later positions).
    for (const sessionId of await this.reader.listEndedIds(event.streamId, event.position)) {
      try {
        await this.sessions.update(sessionId, (s) => s.revoke(reason), undefined, {
          actor: { type: 'system', id: CONSUMER },
          causationId: event.id,
          correlationId: event.metadata.requestId,
        });
        sessionRevocationLagSeconds.observe((Date.now() - occurredAt.getTime()) / 1000);
      } catch (error) {
        if (!(error instanceof SessionNotFoundError)) throw error;
      }
    }
    await markProcessed(this.pool, CONSUMER, event.id);
    this.logger.debug(`Revoked sessions of ${event.streamId} after ${event.type}`);
  }
}
