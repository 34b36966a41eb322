import type { QuerySchema } from '@libs/appwrite-queries';
import { tokenPrefixSearch } from '../../common';
import { IdentitySearchField } from './identity-search-tokens';

const ALL_SEARCH_FIELDS = Object.values(IdentitySearchField);

const IDENTITY_TOKENS = {
  recordColumn: 'i.sequence',
  table: 'identity_search_tokens',
  ownerColumn: 'identity_sequence',
};
const tokenSearch = (fields: readonly number[]) => tokenPrefixSearch(IDENTITY_TOKENS, fields);

export const searchAllFields = tokenSearch(ALL_SEARCH_FIELDS);

/** The attributes `GET /v1/users/identities` filters and orders on (API.md §5.2), mapped to indexed columns. */
export const IDENTITIES_QUERY_SCHEMA: QuerySchema = {
  sequenceColumn: 'i.sequence',
  attributes: {
    $id: { column: 'i.id', type: 'string' },
    $createdAt: { column: 'i.created_at', type: 'datetime' },
    $updatedAt: { column: 'i.updated_at', type: 'datetime' },
    $sequence: { column: 'i.sequence', type: 'integer' },
    userId: { column: 'i.user_id', type: 'string' },
    provider: {
      column: 'i.provider',
      type: 'string',
      search: tokenSearch([IdentitySearchField.PROVIDER]),
    },
    providerUid: {
      column: 'i.provider_uid',
      type: 'string',
      search: tokenSearch([IdentitySearchField.PROVIDER_UID]),
    },
    providerEmail: {
      column: 'i.provider_email',
      type: 'string',
      search: tokenSearch([IdentitySearchField.PROVIDER_EMAIL]),
    },
    providerAccessTokenExpiry: { column: 'i.provider_access_token_expiry', type: 'datetime' },
  },
};

/** Attribute → the cursor row's value of the same column, for `cursorCondition`. */
export function cursorValues(row: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [attribute, spec] of Object.entries(IDENTITIES_QUERY_SCHEMA.attributes)) {
    values[attribute] = row[spec.column.slice('i.'.length)];
  }
  return values;
}
