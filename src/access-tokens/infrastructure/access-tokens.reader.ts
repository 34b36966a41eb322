import { Inject, Injectable } from '@nestjs/common';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../database';
import { userViewColumns, userViewFromRow, type UserView } from '../../users';
import { ACCESS_TOKEN_COLUMNS, AccessTokenRow } from './access-token.row';

/**
 * The most tokens a list shows. Creation stops at ACCESS_TOKENS_PER_USER (at most 1000), and only creations racing
 * each other can pass that by a few, so in practice every token is listed; this bounds the query all the same.
 */
const LIST_LIMIT = 2000;

/**
 * Built once: the bearer hot path binds only the hash. The join keeps only the incarnation of the user the
 * token was issued to (a deleted and re-created id is another user); disabled and expired tokens never match.
 */
const VALIDATE_SQL =
  `SELECT ${ACCESS_TOKEN_COLUMNS}, ${userViewColumns('u', 'u_')} ` +
  'FROM access_tokens t JOIN users u ON u.id = t.user_id AND u.sequence = t.user_incarnation ' +
  'WHERE t.secret_hash = ? AND t.is_active = 1 AND (t.expire IS NULL OR t.expire > NOW(3))';

@Injectable()
export class AccessTokensReader {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  /** A token of this incarnation of the user, or undefined (unknown, deleted, another user's or an earlier one's). */
  async findOfUser(user: UserView, tokenId: string): Promise<AccessTokenRow | undefined> {
    const [rows] = await this.pool.execute<AccessTokenRow[]>(
      `SELECT ${ACCESS_TOKEN_COLUMNS} FROM access_tokens t WHERE t.id = ? AND t.user_id = ? AND t.user_incarnation = ?`,
      [tokenId, user.id, user.incarnation],
    );
    return rows[0];
  }

  /** The tokens of this incarnation of the user, oldest first. */
  async listOfUser(user: UserView): Promise<AccessTokenRow[]> {
    const [rows] = await this.pool.execute<AccessTokenRow[]>(
      `SELECT ${ACCESS_TOKEN_COLUMNS} FROM access_tokens t WHERE t.user_id = ? AND t.user_incarnation = ?
        ORDER BY t.sequence LIMIT ${LIST_LIMIT}`,
      [user.id, user.incarnation],
    );
    return rows;
  }

  /** How many tokens this incarnation of the user holds (disabled and expired ones included). */
  async countOfUser(user: UserView): Promise<number> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM access_tokens t WHERE t.user_id = ? AND t.user_incarnation = ?',
      [user.id, user.incarnation],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * The user's tokens issued before `position` (a global event position): a late or replayed `user.deleted`
   * must not remove tokens of a new user that took the same id afterwards.
   */
  async listIdsOfUser(userId: string, position: number): Promise<string[]> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      'SELECT t.id FROM access_tokens t WHERE t.user_id = ? AND t.sequence < ? ORDER BY t.sequence',
      [userId, position],
    );
    return rows.map((r) => String(r.id));
  }

  /** The bearer validation: one prepared statement on the unique hash. */
  async findUsableBySecretHash(
    secretHash: string,
  ): Promise<{ token: AccessTokenRow; user: UserView } | undefined> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(VALIDATE_SQL, [secretHash]);
    const row = rows[0];
    if (!row) return undefined;
    const token: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) if (!key.startsWith('u_')) token[key] = value;
    return { token: token as AccessTokenRow, user: userViewFromRow(row, 'u_') };
  }
}
