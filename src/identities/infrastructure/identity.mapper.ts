import { formatDateTime } from '@libs/http';
import type { IdentityModel } from '../dtos/identity.response.dto';
import type { IdentityRow } from './identity.row';

/** Row → Appwrite Identity model (API.md §4.4), keys in Appwrite's order; every field is a string. */
export function toIdentityModel(row: IdentityRow): IdentityModel {
  return {
    $id: row.id,
    $createdAt: formatDateTime(row.created_at),
    $updatedAt: formatDateTime(row.updated_at),
    userId: row.user_id,
    provider: row.provider,
    providerUid: row.provider_uid,
    providerEmail: row.provider_email,
    providerAccessToken: row.provider_access_token,
    providerAccessTokenExpiry: formatDateTime(row.provider_access_token_expiry),
    providerRefreshToken: row.provider_refresh_token,
  };
}
