import { Inject, Injectable } from '@nestjs/common';
import type { Argon2Hasher } from '@libs/passwords';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../database';
import type { HashStats } from '../queries/get-hash-stats/hash-stats.view';
import type { UserView } from '../queries/user.view';
import type { TargetView } from '../queries/target.view';
import { TARGET_COLUMNS, TargetRow, targetViewFromRow } from './target.row';
import { USER_COLUMNS, UserRow, userViewFromRow } from './user.row';

/**
 * Reads of the users read table: point reads through prepared statements (the hot path: no ORM in
 * between), and the hash statistics.
 */
@Injectable()
export class UsersReader {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  async findById(id: string): Promise<UserView | undefined> {
    const [rows] = await this.pool.execute<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`, [
      id,
    ]);
    return rows[0] && userViewFromRow(rows[0]);
  }

  /** A target of any user, by its id (unique among all users' targets). */
  async findTarget(id: string): Promise<TargetView | undefined> {
    const [rows] = await this.pool.execute<TargetRow[]>(
      `SELECT ${TARGET_COLUMNS} FROM user_targets t WHERE t.id = ?`,
      [id],
    );
    return rows[0] && targetViewFromRow(rows[0]);
  }

  /** Email and name of each user that exists, for logs that name the user an event is about. */
  async findContacts(ids: readonly string[]): Promise<Map<string, { email: string | null; name: string }>> {
    if (ids.length === 0) return new Map();
    const [rows] = await this.pool.query<RowDataPacket[]>(
      'SELECT id, email, name FROM users WHERE id IN (?)',
      [ids],
    );
    return new Map(
      rows.map((row) => [String(row.id), { email: row.email as string | null, name: String(row.name) }]),
    );
  }

  /** Emails are stored lower-cased and unique among live users. */
  async findByEmail(email: string): Promise<UserView | undefined> {
    const [rows] = await this.pool.execute<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u WHERE u.email = ?`,
      [email],
    );
    return rows[0] && userViewFromRow(rows[0]);
  }

  /** Phones are stored in E.164 and unique among live users. */
  async findByPhone(phone: string): Promise<UserView | undefined> {
    const [rows] = await this.pool.execute<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u WHERE u.phone = ?`,
      [phone],
    );
    return rows[0] && userViewFromRow(rows[0]);
  }

  /**
   * Which of these ids, emails (lower-cased) and phones live users hold: a dry run's uniqueness check. The
   * append's unique constraints stay the rule; this read only predicts what they would answer.
   */
  async findTaken(
    ids: readonly string[],
    emails: readonly string[],
    phones: readonly string[],
  ): Promise<{ ids: Set<string>; emails: Set<string>; phones: Set<string> }> {
    const taken = { ids: new Set<string>(), emails: new Set<string>(), phones: new Set<string>() };
    if (ids.length + emails.length + phones.length === 0) return taken;
    // `IN (NULL)` matches nothing, where an empty list would be a syntax error.
    const list = (values: readonly string[]) => (values.length > 0 ? values : [null]);
    const [rows] = await this.pool.query<RowDataPacket[]>(
      'SELECT id, email, phone FROM users WHERE id IN (?) OR email IN (?) OR phone IN (?)',
      [list(ids), list(emails), list(phones)],
    );
    for (const row of rows) {
      taken.ids.add(String(row.id));
      if (row.email) taken.emails.add(String(row.email).toLowerCase());
      if (row.phone) taken.phones.add(String(row.phone));
    }
    return taken;
  }

  /**
   * Users per password hash algorithm and parameters; a group is current when `argon2` (the configured
   * hasher) has nothing left to upgrade in it.
   */
  async hashStats(argon2: Argon2Hasher): Promise<HashStats> {
    // The parameters are the fourth `$` field of a PHC string (`m=…,t=…,p=…`), grouped so old argon2 shows too.
    const [rows] = await this.pool.query<RowDataPacket[]>(
      `SELECT hash AS algorithm,
              IF(hash = 'argon2', SUBSTRING_INDEX(SUBSTRING_INDEX(password, '$', 4), '$', -1), '') AS parameters,
              LEFT(password, 10) = '$argon2id$' AS id_variant,
              JSON_UNQUOTE(JSON_EXTRACT(hash_options, '$.wrapped.hash')) AS wrapped, COUNT(*) AS users
         FROM users WHERE password IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY users DESC`,
    );
    const [none] = await this.pool.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM users WHERE password IS NULL',
    );
    const hashes = rows.map((r) => ({
      algorithm: String(r.algorithm),
      parameters: String(r.parameters),
      wrapped: r.wrapped === null ? null : String(r.wrapped),
      users: Number(r.users),
      current:
        r.wrapped === null &&
        Number(r.id_variant) === 1 &&
        argon2.isCurrent({ algorithm: 'argon2', hash: `$argon2id$v=19$${r.parameters}$`, options: {} }),
    }));
    const total = hashes.reduce((sum, h) => sum + h.users, 0);
    const pending = hashes.filter((h) => !h.current).reduce((sum, h) => sum + h.users, 0);
    return { total, pending, withoutPassword: Number(none[0].n), hashes };
  }
}
