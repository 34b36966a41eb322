import type { RowDataPacket } from 'mysql2/promise';

export interface SessionRow extends RowDataPacket {
  id: string;
  user_id: string;
  provider: string;
  provider_uid: string;
  expire: Date;
  ip: string;
  os_code: string;
  os_name: string;
  os_version: string;
  client_type: string;
  client_code: string;
  client_name: string;
  client_version: string;
  client_engine: string;
  client_engine_version: string;
  device_name: string;
  device_brand: string;
  device_model: string;
  country_code: string;
  country_name: string;
  factors: string;
  mfa_updated_at: Date | null;
  created_at: Date;
  updated_at: Date;
  revoked_at: Date | null;
}

export const SESSION_COLUMNS =
  's.id, s.user_id, s.provider, s.provider_uid, s.expire, s.ip, s.os_code, s.os_name, s.os_version, s.client_type, ' +
  's.client_code, s.client_name, s.client_version, s.client_engine, s.client_engine_version, s.device_name, ' +
  's.device_brand, s.device_model, s.country_code, s.country_name, s.factors, s.mfa_updated_at, s.created_at, s.updated_at, s.revoked_at';
