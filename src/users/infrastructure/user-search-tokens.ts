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
 * Words of a value: the whole value, each whitespace-separated word and each run of letters and digits,
 * lower-cased, so `ada.lovelace@example.com` is found by `ada`, `lovelace`, `example`, `ada.love` and
 * the full address.
 */
export function wordsOf(value: string): string[] {
  const lower = value.toLowerCase().trim();
  if (!lower) return [];
  const words = new Set<string>([lower]);
  for (const word of lower.split(/\s+/u)) if (word) words.add(word);
  for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part) words.add(part);
  return [...words].map((w) => w.slice(0, MAX_TOKEN_LENGTH));
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
