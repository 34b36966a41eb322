import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventDecoder, RecordedEvent } from '@libs/event-store';
import type { Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { EVENT_DECODER, MYSQL_POOL } from '../../database';
import { EventProcessor } from '../../relay';
import type { SessionSweepRequestedEvent } from '../domain/events';
import { SessionNotFoundError } from '../domain/session.errors';
import { SessionSweepRepository } from '../infrastructure/session-sweep.repository';
import { SessionSweepsReader } from '../infrastructure/session-sweeps.reader';
import { SessionRepository } from '../infrastructure/session.repository';
import { SESSION_SWEEP } from './session-sweep.subscription';

const PAGE = 200;

/**
 * Revokes, one event each, every session made before a sweep's cut-off, then records the sweep completed.
 * Validation already refuses those sessions from the request's commit on; this makes each revocation part of
 * its session's history and activity log. Idempotent: a run after a crash or a second delivery revokes only
 * what is still pending, and the aggregate records one completion.
 */
@Injectable()
export class SessionSweepProcessor extends EventProcessor<SessionSweepRequestedEvent> {
  private readonly logger = new Logger(SessionSweepProcessor.name);

  constructor(
    private readonly sessions: SessionRepository,
    private readonly sweeps: SessionSweepRepository,
    private readonly reader: SessionSweepsReader,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    @Inject(MYSQL_POOL) pool: Pool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(SESSION_SWEEP, decoder, pool, config);
  }

  protected async handle(request: RecordedEvent<SessionSweepRequestedEvent>): Promise<void> {
    const sweepId = request.streamId;
    const cutoff = request.position;
    const metadata = { actor: { type: 'system' as const, id: SESSION_SWEEP.queue }, causationId: request.id };
    let revoked = (await this.reader.find(sweepId))?.revoked ?? 0;
    const total = revoked + (await this.reader.countPending(cutoff));
    await this.reader.recordProgress(sweepId, total, revoked);
    for (let after = 0; ;) {
      const page = await this.reader.nextPending(cutoff, after, PAGE);
      if (page.length === 0) break;
      for (const { id } of page) {
        try {
          await this.sessions.update(id, (s) => s.revoke('sweep'), undefined, metadata);
          revoked++;
        } catch (error) {
          // Revoked meanwhile (a logout, another run): nothing left to do for this one.
          if (!(error instanceof SessionNotFoundError)) throw error;
        }
      }
      after = page[page.length - 1].position;
      await this.reader.recordProgress(sweepId, Math.max(total, revoked), revoked);
    }
    await this.sweeps.update(sweepId, (sweep) => sweep.complete(revoked), undefined, metadata);
    this.logger.log(`Session sweep ${sweepId}: ${revoked} sessions revoked`);
  }
}
