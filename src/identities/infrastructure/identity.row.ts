import type { RowDataPacket } from 'mysql2/promise';

export interface IdentityRow extends RowDataPacket {
  id: string;
  sequence: number;
  user_id: string;
  provider: string;
  provider_uid: string;
  provider_email: string;
  provider_access_token: string;
  provider_access_token_expiry: Date | null;
  provider_refresh_token: string;
  created_at: Date;
  updated_at: Date;
}

export const IDENTITY_COLUMNS =
  'i.id, i.sequence, i.user_id, i.provider, i.provider_uid, i.provider_email, i.provider_access_token, ' +
  'i.provider_access_token_expiry, i.provider_refresh_token, i.created_at, i.updated_at';
