import type { SqlFragment } from '@libs/appwrite-queries';
import type { Pool, PoolConnection } from 'mysql2/promise';
import type { UserView } from '../queries/user.view';
import { USER_COLUMNS, UserRow, userViewFromRow } from './user.row';

/** Rows per keyset page: large enough that a round trip is cheap per user, small enough to hold in memory. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * One export's walk over the users read table in `sequence` order (keyset, never OFFSET), on one connection
 * holding a REPEATABLE READ transaction opened WITH CONSISTENT SNAPSHOT: every page sees the table as it was
 * when the export began, so a user created, changed or deleted meanwhile neither appears twice nor shifts the
 * walk. The reads are plain consistent reads (no locks); the cost is the undo history MariaDB keeps while the
 * transaction is open, which is why `close` must run however the export ends.
 */
export class UsersExportCursor {
  private after = 0;
  private done = false;
  private closed = false;

  private constructor(
    private readonly connection: PoolConnection,
    private readonly filters: SqlFragment[],
    private readonly pageSize: number,
    private readonly onClose: () => void,
  ) {}

  /**
   * Opens the snapshot; `plan` picks the filters on the snapshot's connection (the search plan depends on how
   * many users match), so the plan and the pages see the same data. `onClose` runs once, when the cursor is
   * closed or fails to open.
   */
  static async open(
    pool: Pool,
    plan: (connection: PoolConnection) => Promise<SqlFragment[]>,
    onClose: () => void,
    pageSize = EXPORT_PAGE_SIZE,
  ): Promise<UsersExportCursor> {
    let connection: PoolConnection;
    try {
      connection = await pool.getConnection();
    } catch (error) {
      onClose();
      throw error;
    }
    try {
      // The pool's sessions run at READ COMMITTED; this sets the level of the next transaction only.
      await connection.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
      return new UsersExportCursor(connection, await plan(connection), pageSize, onClose);
    } catch (error) {
      await release(connection);
      onClose();
      throw error;
    }
  }

  /** The next page in `sequence` order; empty once every matching user has been read. */
  async nextPage(): Promise<UserView[]> {
    if (this.done || this.closed) return [];
    const where = ['u.sequence > ?', ...this.filters.map((f) => `(${f.sql})`)].join(' AND ');
    const [rows] = await this.connection.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u WHERE ${where} ORDER BY u.sequence LIMIT ${this.pageSize}`,
      [this.after, ...this.filters.flatMap((f) => f.params)],
    );
    if (rows.length < this.pageSize) this.done = true;
    if (rows.length > 0) this.after = Number(rows[rows.length - 1].sequence);
    return rows.map((row) => userViewFromRow(row));
  }

  /** Ends the snapshot and gives the connection back; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await release(this.connection);
    } finally {
      this.onClose();
    }
  }
}

async function release(connection: PoolConnection): Promise<void> {
  try {
    await connection.query('ROLLBACK');
    connection.release();
  } catch {
    // A connection that failed mid-query is not given back to the pool in an unknown state.
    connection.destroy();
  }
}
