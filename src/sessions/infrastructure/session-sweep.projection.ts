import { Injectable } from '@nestjs/common';
import { EventHandlers, RecordedEvent, reduce } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { SessionSweepCompletedEvent, SessionSweepEvent, SessionSweepRequestedEvent } from '../domain/events';

/**
 * Keeps `session_sweeps` in step, inside the append transaction: the request's position becomes the cut-off
 * that validation applies from this commit on. `total` and `revoked` move while the worker runs (progress, not
 * history); the completion event fixes `revoked`.
 */
@Injectable()
export class SessionSweepProjection {
  private readonly handlers: EventHandlers<SessionSweepEvent, PoolConnection> = {
    [SessionSweepRequestedEvent.type]: async (sql, r) => {
      await sql.execute(
        `INSERT INTO session_sweeps (id, requested_position, status, revoked, created_at, updated_at)
         VALUES (?, ?, 'running', 0, ?, ?)`,
        [r.streamId, r.position, r.occurredAt, r.occurredAt],
      );
    },
    [SessionSweepCompletedEvent.type]: async (sql, r) => {
      await sql.execute(
        `UPDATE session_sweeps SET status = 'completed', revoked = ?, total = COALESCE(total, ?),
           completed_at = ?, updated_at = ? WHERE id = ?`,
        [r.event.data.revoked, r.event.data.revoked, r.occurredAt, r.occurredAt, r.streamId],
      );
    },
  };

  apply(sql: PoolConnection, events: ReadonlyArray<RecordedEvent<SessionSweepEvent>>): Promise<void> {
    return reduce(this.handlers, sql, events);
  }
}
