import { Injectable } from '@nestjs/common';
import { EventHandlers, RecordedEvent, reduce } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { TokenConsumedEvent, TokenCreatedEvent, TokenEvent } from '../domain/events';

/** Keeps the `tokens` read table in step with token streams, inside the append transaction. */
@Injectable()
export class TokenProjection {
  private readonly handlers: EventHandlers<TokenEvent, PoolConnection> = {
    [TokenCreatedEvent.type]: async (sql, r) => {
      const d = r.event.data;
      await sql.execute(
        'INSERT INTO tokens (id, user_id, version, secret_hash, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [d.tokenId, d.userId, r.version, d.secretHash, new Date(d.expire), r.occurredAt],
      );
    },
    [TokenConsumedEvent.type]: async (sql, r) => {
      await sql.execute('UPDATE tokens SET consumed_at = ?, version = ? WHERE id = ?', [
        r.occurredAt,
        r.version,
        r.streamId,
      ]);
    },
  };

  apply(sql: PoolConnection, events: ReadonlyArray<RecordedEvent<TokenEvent>>): Promise<void> {
    return reduce(this.handlers, sql, events);
  }
}
