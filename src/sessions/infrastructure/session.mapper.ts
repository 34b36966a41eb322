import { formatDateTime } from '@libs/http';
import type { SessionModel } from '../dtos/session.response.dto';
import type { SessionRow } from './session.row';

/** Row → Appwrite Session model (API.md §4.3), keys in Appwrite's order. The secret is shown only when given. */
export function toSessionModel(
  row: SessionRow,
  options: { secret?: string; current?: boolean } = {},
): SessionModel {
  return {
    $id: row.id,
    $createdAt: formatDateTime(row.created_at),
    $updatedAt: formatDateTime(row.updated_at),
    userId: row.user_id,
    expire: formatDateTime(row.expire),
    provider: row.provider,
    providerUid: row.provider_uid,
    providerAccessToken: '',
    providerAccessTokenExpiry: '',
    providerRefreshToken: '',
    ip: row.ip,
    osCode: row.os_code,
    osName: row.os_name,
    osVersion: row.os_version,
    clientType: row.client_type,
    clientCode: row.client_code,
    clientName: row.client_name,
    clientVersion: row.client_version,
    clientEngine: row.client_engine,
    clientEngineVersion: row.client_engine_version,
    deviceName: row.device_name,
    deviceBrand: row.device_brand,
    deviceModel: row.device_model,
    countryCode: row.country_code,
    countryName: row.country_name,
    current: options.current ?? false,
    factors: JSON.parse(row.factors) as string[],
    secret: options.secret ?? '',
    mfaUpdatedAt: row.mfa_updated_at ? formatDateTime(row.mfa_updated_at) : '',
  };
}
