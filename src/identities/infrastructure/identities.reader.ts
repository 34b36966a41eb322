import { Inject, Injectable } from '@nestjs/common';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { MYSQL_POOL } from '../../database';
import { IDENTITY_COLUMNS, IdentityRow } from './identity.row';

@Injectable()
export class IdentitiesReader {
  constructor(@Inject(MYSQL_POOL) private readonly pool: Pool) {}

  async findById(id: string): Promise<IdentityRow | undefined> {
    const [rows] = await this.pool.execute<IdentityRow[]>(
      `SELECT ${IDENTITY_COLUMNS} FROM identities i WHERE i.id = ?`,
      [id],
    );
    return rows[0];
  }

  /**
   * The user's identities linked before `position` (a global event position): a late or replayed
   * `user.deleted` must not remove identities of a new user that took the same id afterwards.
   */
  async listIdsOfUser(userId: string, position: number): Promise<string[]> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      'SELECT i.id FROM identities i WHERE i.user_id = ? AND i.sequence < ? ORDER BY i.sequence',
      [userId, position],
    );
    return rows.map((r) => String(r.id));
  }
}
