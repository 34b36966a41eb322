import { Inject, Injectable } from '@nestjs/common';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../database';
import { mayAuthenticate, userViewColumns, userViewFromRow, type UserView } from '../../users';
import { SESSION_COLUMNS, SessionRow } from './session.row';

/**
 * Live = not revoked, not expired, and made after the newest "revoke every session" request (whose worker may
 * not have revoked it yet). The sweep subquery is uncorrelated: evaluated once per statement, on an index.
 */
const LIVE =
  's.revoked_at IS NULL AND s.expire > NOW(3) AND ' +
  's.created_position > (SELECT COALESCE(MAX(w.requested_position), 0) FROM session_sweeps w)';

/**
 * Built once: the validation hot path only binds the hash. User columns (users' own selection) come back
 * prefixed `u_`. The join keeps only the incarnation of the user the session was made for (a deleted and
 * re-created id is another user); the session's epoch against the user's says whether a block or a new
 * password has ended it since.
 */
const VALIDATE_SQL =
  `SELECT ${SESSION_COLUMNS}, s.user_epoch AS session_user_epoch, ${userViewColumns('u', 'u_')} ` +
  'FROM sessions s JOIN users u ON u.id = s.user_id AND u.sequence = s.user_incarnation ' +
  `WHERE s.secret_hash = ? AND ${LIVE}`;

@Injectable()
export class SessionsReader {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  /**
   * The session validation hot path: one prepared statement. The user is joined so that a deleted, re-created
   * or blocked user, or a session older than the user's last block or password change, is refused at once,
   * whether or not the revocation worker has caught up (or ever runs).
   */
  async findLiveBySecretHash(
    secretHash: string,
  ): Promise<{ session: SessionRow; user: UserView } | undefined> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(VALIDATE_SQL, [secretHash]);
    const row = rows[0];
    if (!row) return undefined;
    const user = userViewFromRow(row, 'u_');
    const session: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (!key.startsWith('u_') && key !== 'session_user_epoch') session[key] = value;
    }
    // A blocked user's session is returned, so that the caller answers `user_blocked` (as Appwrite does);
    // an ended session of a user who may authenticate is simply no session.
    if (mayAuthenticate(user).allowed && Number(row.session_user_epoch) !== user.sessionEpoch)
      return undefined;
    return { session: session as SessionRow, user };
  }

  async listLive(userId: string): Promise<SessionRow[]> {
    const [rows] = await this.pool.execute<SessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.user_id = ? AND ${LIVE} ORDER BY s.created_at, s.id LIMIT 1000`,
      [userId],
    );
    return rows;
  }

  /** Live sessions of a user, newest first (for the session limit and "sign out everywhere"). */
  async listLiveIds(userId: string): Promise<string[]> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      'SELECT s.id FROM sessions s WHERE s.user_id = ? AND s.revoked_at IS NULL ORDER BY s.created_at DESC, s.id',
      [userId],
    );
    return rows.map((r) => String(r.id));
  }

  /**
   * Unrevoked sessions made in an epoch before `epoch` (the position of the user event that ended them):
   * exactly the ones validation already refuses, whatever their clocks say. Sessions made after the change
   * (a login with the new password) have a later epoch and stay.
   */
  async listEndedIds(userId: string, epoch: number): Promise<string[]> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      'SELECT s.id FROM sessions s WHERE s.user_id = ? AND s.revoked_at IS NULL AND s.user_epoch < ? ORDER BY s.created_at, s.id',
      [userId, epoch],
    );
    return rows.map((r) => String(r.id));
  }

  async findById(sessionId: string): Promise<SessionRow | undefined> {
    const [rows] = await this.pool.execute<SessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.id = ?`,
      [sessionId],
    );
    return rows[0];
  }
}
