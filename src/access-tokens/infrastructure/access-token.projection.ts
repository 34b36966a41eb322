import { Injectable } from '@nestjs/common';
import { EventHandlers, RecordedEvent, reduce } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import {
  AccessTokenCreatedEvent,
  AccessTokenDeletedEvent,
  AccessTokenEvent,
  AccessTokenUpdatedEvent,
} from '../domain/events';

/**
 * Keeps the `access_tokens` read table in step with the access token streams, inside the append transaction.
 * Depends only on events (`last_used_at` aside, which a worker keeps), so a replay rebuilds it.
 */
@Injectable()
export class AccessTokenProjection {
  private readonly handlers: EventHandlers<AccessTokenEvent, PoolConnection> = {
    [AccessTokenCreatedEvent.type]: async (sql, r) => {
      const d = r.event.data;
      await sql.execute(
        `INSERT INTO access_tokens (id, sequence, version, user_id, user_incarnation, description, secret_hash,
           is_active, expire, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
        [
          d.tokenId,
          r.position,
          r.version,
          d.userId,
          d.userIncarnation,
          d.description,
          d.secretHash,
          d.expire === null ? null : new Date(d.expire),
          r.occurredAt,
          r.occurredAt,
        ],
      );
    },
    [AccessTokenUpdatedEvent.type]: async (sql, r) => {
      await sql.execute('UPDATE access_tokens SET is_active = ?, version = ?, updated_at = ? WHERE id = ?', [
        r.event.data.isActive ? 1 : 0,
        r.version,
        r.occurredAt,
        r.streamId,
      ]);
    },
    [AccessTokenDeletedEvent.type]: async (sql, r) => {
      await sql.execute('DELETE FROM access_tokens WHERE id = ?', [r.streamId]);
    },
  };

  apply(sql: PoolConnection, events: ReadonlyArray<RecordedEvent<AccessTokenEvent>>): Promise<void> {
    return reduce(this.handlers, sql, events);
  }
}
