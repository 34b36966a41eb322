import type { SqlFragment } from '@libs/appwrite-queries';

export const MAX_TOKEN_LENGTH = 64;
const MAX_TERMS = 10;

/**
 * Tokens of a value, lower-cased: each whitespace-separated word, and each of its tails that starts after a
 * separator. Searched by prefix, `ada.lovelace@example-mail.co.uk` is then found by `ada`, `lovelace`,
 * `lovelace@ex`, `example`, `mail.co.uk` (a domain) and by the full address.
 */
export function wordsOf(value: string | null): string[] {
  const words = new Set<string>();
  // An erased field (its data key destroyed) decodes as null when a rebuild replays it: no words.
  if (value === null) return [];
  for (const word of value.toLowerCase().split(/\s+/u)) {
    if (!word) continue;
    words.add(word.slice(0, MAX_TOKEN_LENGTH));
    for (const match of word.matchAll(/[^\p{L}\p{N}]+(?=[\p{L}\p{N}])/gu)) {
      words.add(word.slice(match.index + match[0].length).slice(0, MAX_TOKEN_LENGTH));
    }
  }
  return [...words];
}

/** What Appwrite replaces by spaces in a full-text search (utopia-php/database `getFulltextValue`). */
const RESERVED = /[@+\-*()<>~"]/g;
const WORD = /[\p{L}\p{N}]+/gu;
const GAP = '[^\\p{L}\\p{N}]';

/** A search input as it is matched. */
export interface ParsedSearch {
  /** Prefix terms; every one must match (AND). */
  terms: string[];
  /** Set when the whole input was in double quotes: these whole words, in this order, in one field. */
  phrase?: string[];
}

function distinct(terms: string[]): string[] {
  return [...new Set(terms.filter(Boolean).map((t) => t.slice(0, MAX_TOKEN_LENGTH)))].slice(0, MAX_TERMS);
}

/**
 * As Appwrite reads a search: `@ + - * ( ) < > ~ "` are spaces, and an input that starts and ends with `"` is
 * a phrase. Unquoted, every remaining word is a prefix and all must match (unlike Appwrite's OR of MySQL
 * full-text words, so `ada love` narrows instead of widening). Quoted, the letters-and-digits words must
 * follow each other, whole, in one field (as MySQL matches a phrase); they are also the prefix terms that
 * find the candidates through the token index. At most ten terms are used.
 */
export function parseSearch(input: string): ParsedSearch {
  const text = input.replace(RESERVED, ' ').toLowerCase();
  if (!(input.startsWith('"') && input.endsWith('"'))) return { terms: distinct(text.split(/\s+/u)) };
  const words = text.match(WORD) ?? [];
  return { terms: distinct(words), phrase: words };
}

/** The prefix terms of a search input (see `parseSearch`). */
export function searchTerms(input: string): string[] {
  return parseSearch(input).terms;
}

/**
 * `REGEXP` pattern (PCRE on MariaDB, ICU on MySQL) for a phrase: its words whole, in order, separated by
 * anything but letters and digits. Words hold only letters and digits, so nothing needs escaping.
 */
export function phrasePattern(words: string[]): string {
  return `(?i)(^|${GAP})${words.join(`${GAP}+`)}(${GAP}|$)`;
}

/** `(col REGEXP ? OR …)` for a phrase, or nothing for an unquoted search. */
export function phraseCondition(search: ParsedSearch, columns: readonly string[]): SqlFragment | undefined {
  if (!search.phrase || columns.length === 0) return undefined;
  const pattern = phrasePattern(search.phrase);
  return {
    sql: `(${columns.map((c) => `${c} REGEXP ?`).join(' OR ')})`,
    params: columns.map(() => pattern),
  };
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
 * SQL, and input with no words matches nothing. A quoted phrase is then checked on `phraseColumns`, the
 * columns those fields come from (without them, its words only have to be there, in any order).
 */
export function tokenPrefixSearch(
  tokens: TokenTable,
  fields: readonly number[],
  phraseColumns: readonly string[] = [],
) {
  const one =
    `${tokens.recordColumn} IN (SELECT t.${tokens.ownerColumn} FROM ${tokens.table} t ` +
    `WHERE t.token LIKE ? ESCAPE '\\\\' AND t.field IN (${fields.join(', ')}))`;
  return (text: string): SqlFragment => {
    const search = parseSearch(text);
    const { terms } = search;
    if (terms.length === 0) return { sql: '1 = 0', params: [] };
    const match = { sql: terms.map(() => one).join(' AND '), params: terms.map(prefixPattern) };
    const phrase = phraseCondition(search, phraseColumns);
    return phrase
      ? { sql: `${match.sql} AND ${phrase.sql}`, params: [...match.params, ...phrase.params] }
      : match;
  };
}
