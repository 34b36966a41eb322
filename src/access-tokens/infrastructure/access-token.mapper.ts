import { formatDateTime } from '@libs/http';
import type { AccessTokenModel } from '../dtos/access-token.response.dto';
import type { AccessTokenRow } from './access-token.row';

/** Row → AccessToken model. `secret` is `""` except in the answer that created the token (as Appwrite's Token). */
export function toAccessTokenModel(row: AccessTokenRow, secret = ''): AccessTokenModel {
  return {
    $id: row.id,
    $createdAt: formatDateTime(row.created_at),
    $updatedAt: formatDateTime(row.updated_at),
    userId: row.user_id,
    description: row.description,
    isActive: row.is_active === 1,
    expire: formatDateTime(row.expire),
    lastUsedAt: formatDateTime(row.last_used_at),
    secret,
  };
}
