import type { StoredEvent } from '@libs/event-store';
import type { Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { ConsumerProgressStore } from './consumer-reconciler';

/** Records pruned per statement: small transactions, short row locks. */
const PRUNE_CHUNK = 5000;
const MAX_REASON = 2000;

/** `consumer_progress`, `processed_events` and `dead_letters`: the consumers' record in MySQL. */
export class MysqlConsumerProgress implements ConsumerProgressStore {
  constructor(private readonly pool: Pool) {}

  async load(consumer: string, initial: number): Promise<number> {
    await this.pool.execute(
      'INSERT IGNORE INTO consumer_progress (consumer, position, updated_at) VALUES (?, ?, NOW(3))',
      [consumer, initial],
    );
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      'SELECT position FROM consumer_progress WHERE consumer = ?',
      [consumer],
    );
    return Number(rows[0].position);
  }

  async save(consumer: string, position: number): Promise<void> {
    // Never backwards, whoever wrote last.
    await this.pool.execute(
      'UPDATE consumer_progress SET position = GREATEST(position, ?), updated_at = NOW(3) WHERE consumer = ?',
      [position, consumer],
    );
  }

  async settled(consumer: string, eventIds: string[]): Promise<Set<string>> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      `SELECT event_id FROM processed_events WHERE consumer = ? AND event_id IN (?)
       UNION ALL SELECT event_id FROM dead_letters WHERE consumer = ? AND event_id IN (?)`,
      [consumer, eventIds, consumer, eventIds],
    );
    return new Set(rows.map((row) => String(row.event_id)));
  }

  async deadLetter(consumer: string, event: StoredEvent, reason: string): Promise<void> {
    await this.pool.execute(
      `INSERT IGNORE INTO dead_letters (consumer, event_id, position, event_type, reason, failed_at)
       VALUES (?, ?, ?, ?, ?, NOW(3))`,
      [consumer, event.id, event.position, event.type, reason.slice(0, MAX_REASON)],
    );
  }

  async prune(consumer: string, upTo: number): Promise<void> {
    for (;;) {
      const [result] = await this.pool.execute<ResultSetHeader>(
        `DELETE FROM processed_events WHERE consumer = ? AND position <= ? LIMIT ${PRUNE_CHUNK}`,
        [consumer, upTo],
      );
      if (result.affectedRows < PRUNE_CHUNK) return;
    }
  }
}
