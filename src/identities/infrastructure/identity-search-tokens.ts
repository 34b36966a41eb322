import { wordsOf } from '../../common';

/** Which attribute a search token came from; `search` matches all three, `Query.search(attr)` one. */
export const IdentitySearchField = {
  PROVIDER: 1,
  PROVIDER_UID: 2,
  PROVIDER_EMAIL: 3,
} as const;

export interface SearchableIdentity {
  provider: string;
  providerUid: string;
  providerEmail: string;
}

/**
 * Every (token, field) row an identity gets in `identity_search_tokens`, without duplicates. Words are cut
 * as for users (each word and each tail after a separator), so `octocat@github.com` is found by `github`.
 */
export function identitySearchTokens(identity: SearchableIdentity): Array<[string, number]> {
  const rows = new Map<string, [string, number]>();
  const add = (value: string, field: number) => {
    for (const token of wordsOf(value)) rows.set(`${field}\u0000${token}`, [token, field]);
  };
  add(identity.provider, IdentitySearchField.PROVIDER);
  add(identity.providerUid, IdentitySearchField.PROVIDER_UID);
  add(identity.providerEmail, IdentitySearchField.PROVIDER_EMAIL);
  return [...rows.values()];
}
