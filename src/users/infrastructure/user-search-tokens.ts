import { MAX_TOKEN_LENGTH, wordsOf } from '../../common';

export { MAX_TOKEN_LENGTH, prefixPattern, searchTerms, wordsOf } from '../../common';

/** Which attribute a search token came from; `search` matches fields up to LABEL, `contains` on labels LABEL_EXACT. */
export const SearchField = {
  ID: 1,
  NAME: 2,
  EMAIL: 3,
  PHONE: 4,
  LABEL: 5,
  LABEL_EXACT: 6,
} as const;

export interface SearchableUser {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  labels: string[];
}

/** Every (token, field) row a user gets in `user_search_tokens`, without duplicates. */
export function userSearchTokens(user: SearchableUser): Array<[string, number]> {
  const rows = new Map<string, [string, number]>();
  const add = (token: string, field: number) => rows.set(`${field}\u0000${token}`, [token, field]);
  for (const w of wordsOf(user.id)) add(w, SearchField.ID);
  for (const w of wordsOf(user.name)) add(w, SearchField.NAME);
  if (user.email) for (const w of wordsOf(user.email)) add(w, SearchField.EMAIL);
  if (user.phone) for (const w of wordsOf(user.phone)) add(w, SearchField.PHONE);
  for (const label of user.labels) {
    add(`label:${label.toLowerCase()}`.slice(0, MAX_TOKEN_LENGTH), SearchField.LABEL);
    add(label, SearchField.LABEL_EXACT);
  }
  return [...rows.values()];
}
