import type { Connection, RowDataPacket } from 'mysql2/promise';

/** The barrier could not be raised in time: an append (or something else writing `events`) runs too long. */
export class BarrierTimeoutError extends Error {}

/**
 * Holds every append back. Appends are not serialised by the store: each takes its position from
 * AUTO_INCREMENT and commits when it is done, so a lower position can commit after a higher one, and the
 * highest committed position alone says nothing about the ones below it. `LOCK TABLES events READ` waits
 * for every transaction that has written `events` to end and keeps new writes waiting (readers go on), so
 * while it is held the log is complete up to its highest position and nothing is added to it. Each append
 * writes `events` before it touches a read table, so none is left holding a read table it would need.
 */
export class AppendBarrier {
  private held = false;

  constructor(
    private readonly connection: Connection,
    private readonly waitSeconds: number,
  ) {}

  /** Raises the barrier and returns the highest position: every event up to it is committed. */
  async raise(): Promise<number> {
    await this.connection.query('SET SESSION lock_wait_timeout = ?', [this.waitSeconds]);
    try {
      await this.connection.query('LOCK TABLES events READ');
    } catch (error) {
      if ((error as { code?: string }).code !== 'ER_LOCK_WAIT_TIMEOUT') throw error;
      throw new BarrierTimeoutError(
        `could not hold appends back within ${this.waitSeconds} s: a transaction writing the events table ` +
          'did not end (nothing was changed; run it again)',
      );
    }
    this.held = true;
    const [[row]] = await this.connection.query<RowDataPacket[]>(
      'SELECT COALESCE(MAX(position), 0) AS position FROM events',
    );
    return Number(row.position);
  }

  async lower(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await this.connection.query('UNLOCK TABLES');
  }

  /** Raises the barrier just long enough to read a position below which nothing will commit any more. */
  async settledPosition(): Promise<number> {
    try {
      return await this.raise();
    } finally {
      await this.lower();
    }
  }
}
