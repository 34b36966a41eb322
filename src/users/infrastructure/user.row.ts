import type { RowDataPacket } from 'mysql2/promise';

export interface UserRow extends RowDataPacket {
  sequence: number;
  /** Position of the last event that ended the user's sessions (see the session-epochs migration). */
  session_epoch: number;
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  password: string | null;
  hash: string;
  hash_options: string;
  status: number;
  labels: string;
  prefs: string;
  email_verification: number;
  phone_verification: number;
  mfa: number;
  registration: Date;
  password_update: Date | null;
  accessed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const USER_COLUMNS =
  'u.sequence, u.session_epoch, u.id, u.name, u.email, u.phone, u.password, u.hash, u.hash_options, u.status, u.labels, u.prefs, ' +
  'u.email_verification, u.phone_verification, u.mfa, u.registration, u.password_update, u.accessed_at, ' +
  'u.created_at, u.updated_at';
