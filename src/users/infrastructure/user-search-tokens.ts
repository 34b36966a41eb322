/** Which attribute a search token came from; `search` matches fields up to LABEL, `contains` on labels LABEL_EXACT. */
export const SearchField = {
  ID: 1,
  NAME: 2,
  EMAIL: 3,
  PHONE: 4,
  LABEL: 5,
  LABEL_EXACT: 6,
} as const;

export const MAX_TOKEN_LENGTH = 64;
const MAX_TERMS = 10;

export interface SearchableUser {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  labels: string[];
}

/**
 * Tokens of a value, lower-cased: each whitespace-separated word, and each of its tails that starts after a
 * separator. Searched by prefix, `ada.lovelace@example-mail.co.uk` is then found by `ada`, `lovelace`,
 * `lovelace@ex`, `example`, `mail.co.uk` (a domain) and by the full address.
 */
export function wordsOf(value: string): string[] {
  const words = new Set<string>();
  for (const word of value.toLowerCase().split(/\s+/u)) {
    if (!word) continue;
    words.add(word.slice(0, MAX_TOKEN_LENGTH));
    for (const match of word.matchAll(/[^\p{L}\p{N}]+(?=[\p{L}\p{N}])/gu)) {
      words.add(word.slice(match.index + match[0].length).slice(0, MAX_TOKEN_LENGTH));
    }
  }
  return [...words];
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

/**
 * Search input → prefix terms. Every term must match (AND), unlike Appwrite's OR of MySQL full-text words,
 * so `ada love` narrows instead of widening. At most ten terms are used.
 */
export function searchTerms(input: string): string[] {
  const terms = input
    .toLowerCase()
    .split(/\s+/u)
    .filter(Boolean)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** `LIKE` pattern for a prefix; the caller must add `ESCAPE '\\'`. */
export function prefixPattern(term: string): string {
  return `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
