import type { RowDataPacket } from 'mysql2/promise';
import type { TargetView } from '../queries/target.view';

export interface TargetRow extends RowDataPacket {
  sequence: number;
  id: string;
  user_id: string;
  provider_type: string;
  identifier: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}

export const TARGET_COLUMNS =
  't.sequence, t.id, t.user_id, t.provider_type, t.identifier, t.name, t.created_at, t.updated_at';

export function targetViewFromRow(row: TargetRow): TargetView {
  return {
    id: row.id,
    userId: row.user_id,
    providerType: row.provider_type as TargetView['providerType'],
    identifier: row.identifier,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
