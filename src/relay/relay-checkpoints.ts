import { createHash } from 'node:crypto';
import type { Pool, RowDataPacket } from 'mysql2/promise';

const MAX_NAME = 64;

/**
 * The checkpoint row of the relay that fills the queues under `queuePrefix`: relays of different prefixes
 * (deployments sharing a database) each deliver every event. Changing QUEUE_PREFIX therefore redelivers the
 * whole history to the new queues.
 */
export function relayCheckpointName(queuePrefix: string): string {
  const name = `relay:${queuePrefix}`;
  if (name.length <= MAX_NAME) return name;
  return `relay:${createHash('sha256').update(name).digest('hex').slice(0, 40)}`;
}

/** Where the relay keeps its checkpoint: the highest position below which everything was delivered. */
export interface CheckpointStore {
  load(): Promise<number>;
  save(position: number): Promise<void>;
}

/** The `relay_checkpoints` row of one relay. */
export class MysqlCheckpointStore implements CheckpointStore {
  constructor(
    private readonly pool: Pool,
    readonly name: string,
  ) {}

  async load(): Promise<number> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      'SELECT position FROM relay_checkpoints WHERE name = ?',
      [this.name],
    );
    return rows.length > 0 ? Number(rows[0].position) : 0;
  }

  async save(position: number): Promise<void> {
    // Never backwards: a relay that lost its lock mid-pass may still write a stale position.
    await this.pool.execute(
      `INSERT INTO relay_checkpoints (name, position, updated_at) VALUES (?, ?, NOW(3))
       ON DUPLICATE KEY UPDATE position = GREATEST(position, VALUES(position)), updated_at = NOW(3)`,
      [this.name, position],
    );
  }
}
