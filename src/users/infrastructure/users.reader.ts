import { Inject, Injectable } from '@nestjs/common';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../database';
import type { UserView } from '../queries/user.view';
import { USER_COLUMNS, UserRow, userViewFromRow } from './user.row';

/** Point reads of the users read table through prepared statements (the hot path: no ORM in between). */
@Injectable()
export class UsersReader {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  async findById(id: string): Promise<UserView | undefined> {
    const [rows] = await this.pool.execute<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`, [
      id,
    ]);
    return rows[0] && userViewFromRow(rows[0]);
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
}
