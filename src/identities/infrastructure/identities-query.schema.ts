import type { QuerySchema, SqlFragment } from '@libs/appwrite-queries';
import { prefixPattern, searchTerms } from '../../users/infrastructure/user-search-tokens';
import { IdentitySearchField } from './identity-search-tokens';

const ALL_SEARCH_FIELDS = Object.values(IdentitySearchField);

/**
 * Every term must be the prefix of a token of the identity in one of `fields`. Terms are bound parameters
 * with LIKE wildcards escaped, so no input can change the SQL; input with no words matches nothing.
 */
export function tokenSearch(fields: readonly number[]) {
  return (text: string): SqlFragment => {
    const terms = searchTerms(text);
    if (terms.length === 0) return { sql: '1 = 0', params: [] };
    const one = `i.sequence IN (SELECT t.identity_sequence FROM identity_search_tokens t WHERE t.token LIKE ? ESCAPE '\\\\' AND t.field IN (${fields.join(', ')}))`;
    return { sql: terms.map(() => one).join(' AND '), params: terms.map(prefixPattern) };
  };
}

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
