import type { RowDataPacket } from 'mysql2/promise';

export interface AccessTokenRow extends RowDataPacket {
  id: string;
  sequence: number;
  user_id: string;
  user_incarnation: number;
  description: string;
  is_active: number;
  expire: Date | null;
  last_used_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Never the secret's hash: nothing outside validation needs it. */
export const ACCESS_TOKEN_COLUMNS =
  't.id, t.sequence, t.user_id, t.user_incarnation, t.description, t.is_active, t.expire, t.last_used_at, ' +
  't.created_at, t.updated_at';
