import { Inject, Injectable } from '@nestjs/common';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../database';

export interface SessionSweepView {
  id: string;
  requestedPosition: number;
  status: 'running' | 'completed';
  total: number | null;
  revoked: number;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/** Sessions the sweep must still revoke: made before its cut-off, not revoked, not expired. */
const PENDING = 's.created_position < ? AND s.revoked_at IS NULL AND s.expire > NOW(3)';

@Injectable()
export class SessionSweepsReader {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  async find(id: string): Promise<SessionSweepView | undefined> {
    const [rows] = await this.pool.execute<RowDataPacket[]>('SELECT * FROM session_sweeps WHERE id = ?', [
      id,
    ]);
    return rows[0] && toView(rows[0]);
  }

  /** The newest sweep still running, which a repeated request joins instead of starting another. */
  async findRunning(): Promise<SessionSweepView | undefined> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      "SELECT * FROM session_sweeps WHERE status = 'running' ORDER BY requested_position DESC LIMIT 1",
    );
    return rows[0] && toView(rows[0]);
  }

  async countPending(cutoff: number): Promise<number> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      `SELECT COUNT(*) AS n FROM sessions s WHERE ${PENDING}`,
      [cutoff],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * The next page after `after` (a session's creation position, unique per session): a run walks forward and
   * never sees a session twice, and a run resumed after a crash starts again from what is still pending.
   */
  async nextPending(
    cutoff: number,
    after: number,
    limit: number,
  ): Promise<Array<{ id: string; position: number }>> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      `SELECT s.id, s.created_position FROM sessions s WHERE ${PENDING} AND s.created_position > ?
       ORDER BY s.created_position LIMIT ?`,
      [cutoff, after, limit],
    );
    return rows.map((row) => ({ id: String(row.id), position: Number(row.created_position) }));
  }

  /** Progress is bookkeeping for the operator, not history: written to the read row only. */
  async recordProgress(id: string, total: number, revoked: number): Promise<void> {
    await this.pool.execute(
      "UPDATE session_sweeps SET total = ?, revoked = ?, updated_at = NOW(3) WHERE id = ? AND status = 'running'",
      [total, revoked, id],
    );
  }
}

function toView(row: RowDataPacket): SessionSweepView {
  return {
    id: String(row.id),
    requestedPosition: Number(row.requested_position),
    status: row.status === 'completed' ? 'completed' : 'running',
    total: row.total === null ? null : Number(row.total),
    revoked: Number(row.revoked),
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    completedAt: (row.completed_at as Date | null) ?? null,
  };
}
