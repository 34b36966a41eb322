import type { SqlFragment } from '@libs/appwrite-queries';

export const MAX_TOKEN_LENGTH = 64;
const MAX_TERMS = 10;

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

/** Where one kind of record keeps its search tokens, e.g. users: `u.sequence` ↔ `user_search_tokens.user_sequence`. */
export interface TokenTable {
  /** Column of the record being filtered, e.g. `u.sequence`. */
  recordColumn: string;
  table: string;
  /** Column of the token table pointing at the record, e.g. `user_sequence`. */
  ownerColumn: string;
}

/**
 * Every term must be the prefix of a token of the record in one of `fields`. Driven by the token index
 * (`token LIKE 'x%'` is a range scan); terms are bound with LIKE wildcards escaped, so no input changes the
 * SQL, and input with no words matches nothing.
 */
export function tokenPrefixSearch(tokens: TokenTable, fields: readonly number[]) {
  const one =
    `${tokens.recordColumn} IN (SELECT t.${tokens.ownerColumn} FROM ${tokens.table} t ` +
    `WHERE t.token LIKE ? ESCAPE '\\\\' AND t.field IN (${fields.join(', ')}))`;
  return (text: string): SqlFragment => {
    const terms = searchTerms(text);
    if (terms.length === 0) return { sql: '1 = 0', params: [] };
    return { sql: terms.map(() => one).join(' AND '), params: terms.map(prefixPattern) };
  };
}
