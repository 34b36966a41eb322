import { Inject, Injectable } from '@nestjs/common';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../database/database.tokens';
import { USER_COLUMNS, UserRow } from '../../users/infrastructure/user.row';
import { SESSION_COLUMNS, SessionRow } from './session.row';

/** Live = not revoked and not expired. */
const LIVE = 's.revoked_at IS NULL AND s.expire > NOW(3)';

/** Built once: the validation hot path only binds the hash. User columns come back prefixed `u_`. */
const VALIDATE_SQL =
  `SELECT ${SESSION_COLUMNS}, ${USER_COLUMNS.replace(/u\.(\w+)/g, 'u.$1 AS u_$1')} ` +
  'FROM sessions s JOIN users u ON u.id = s.user_id ' +
  `WHERE s.secret_hash = ? AND ${LIVE} AND (u.password_update IS NULL OR s.created_at >= u.password_update)`;

@Injectable()
export class SessionsReader {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  /**
   * The session validation hot path: one prepared statement. The user is joined so that a deleted or blocked
   * user, or a session older than the user's last password change, is refused at once, whether or not the
   * revocation worker has caught up yet.
   */
  async findLiveBySecretHash(
    secretHash: string,
  ): Promise<{ session: SessionRow; user: UserRow; blocked: boolean } | undefined> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(VALIDATE_SQL, [secretHash]);
    const row = rows[0];
    if (!row) return undefined;
    const user: Record<string, unknown> = {};
    const session: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key.startsWith('u_')) user[key.slice(2)] = value;
      else session[key] = value;
    }
    return { session: session as SessionRow, user: user as UserRow, blocked: (user as UserRow).status !== 1 };
  }

  async listLive(userId: string): Promise<SessionRow[]> {
    const [rows] = await this.pool.execute<SessionRow[]>(
      `SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.user_id = ? AND ${LIVE} ORDER BY s.created_at, s.id LIMIT 1000`,
      [userId],
    );
    return rows;
  }

  /** Live sessions created at or before `before`: the ones a user change must revoke. */
  async listLiveIds(userId: string, before?: Date): Promise<string[]> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      `SELECT s.id FROM sessions s WHERE s.user_id = ? AND s.revoked_at IS NULL${before ? ' AND s.created_at <= ?' : ''} ORDER BY s.created_at DESC, s.id`,
      before ? [userId, before] : [userId],
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
