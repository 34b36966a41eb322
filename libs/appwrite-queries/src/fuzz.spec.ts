import { expectSafeCompiled, onlyQueryErrors } from '../test/sql-guard';
import { usersSchema } from '../test/users-schema';
import { compileQueries } from './compiler';
import { FILTER_METHODS, KNOWN_METHODS, PAGINATION_METHODS } from './methods';
import { parseQueries } from './parser';
import { Query } from './types';

// Deterministic PRNG (mulberry32) so a failure can be replayed from the seed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(20250101);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];

const METHODS = [...KNOWN_METHODS, 'frob', '', 'EQUAL', 'name.equal', '__proto__'];
const ATTRIBUTES = [
  ...Object.keys(usersSchema.attributes),
  'foo',
  '',
  '__proto__',
  'name; DROP TABLE users',
  'name`)',
];
const STRINGS = [
  'x',
  '',
  "'",
  '"',
  '\\',
  '%',
  '_',
  '\u0000',
  '2025-01-01',
  '2025-01-01T10:00:00Z',
  'abc',
  '12',
  'true',
  'a'.repeat(300),
];
const FRAGMENTS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '\\',
  ':',
  ' ',
  '.',
  '-',
  '1',
  'true',
  'null',
  ...METHODS,
  ...ATTRIBUTES,
];

function randomValue(depth: number): unknown {
  switch (int(depth > 2 ? 5 : 8)) {
    case 0:
      return pick(STRINGS);
    case 1:
      return pick([0, 1, -1, 2.5, 25, 5001, 1e300, Number.MAX_SAFE_INTEGER + 2]);
    case 2:
      return rand() < 0.5;
    case 3:
      return null;
    case 4:
      return randomDate();
    case 5:
      return Array.from({ length: int(4) }, () => randomValue(depth + 1));
    case 6:
      return { [pick(['a', '__proto__', 'method'])]: randomValue(depth + 1) };
    default:
      return randomQuery(depth + 1);
  }
}

function randomDate(): string {
  const two = () => String(int(70)).padStart(2, '0');
  return `${2000 + int(30)}-${two()}-${two()}${rand() < 0.5 ? `T${two()}:${two()}:${two()}Z` : ''}`;
}

// A query that has a fair chance to be valid, so the compiler's success paths get fuzzed too.
function plausibleQuery(depth: number): Record<string, unknown> {
  const attribute = pick(Object.keys(usersSchema.attributes));
  const type = usersSchema.attributes[attribute].type;
  const method = pick([...FILTER_METHODS, ...PAGINATION_METHODS]);
  const value = (): unknown =>
    type === 'boolean'
      ? rand() < 0.5
      : type === 'integer'
        ? pick([1, '2', -3])
        : type === 'datetime'
          ? randomDate()
          : rand() < 0.8
            ? pick(STRINGS)
            : randomText();
  if (method === 'and' || method === 'or') {
    return {
      method,
      values: [plausibleQuery(depth + 1), plausibleQuery(depth + 1)].slice(int(depth > 2 ? 2 : 0)),
    };
  }
  if (method === 'limit' || method === 'offset')
    return { method, values: [pick([0, 1, 25, '3', 5000, 5001])] };
  if (method === 'cursorAfter' || method === 'cursorBefore')
    return { method, values: [pick(['abc', '_x', randomText()])] };
  return {
    method,
    attribute,
    values: Array.from({ length: int(3) + (method.includes('etween') ? 1 : 0) }, value),
  };
}

function randomQuery(depth = 0): Record<string, unknown> {
  if (rand() < 0.5) return plausibleQuery(depth);
  const method = pick(rand() < 0.3 ? ['and', 'or'] : METHODS);
  const query: Record<string, unknown> = { method };
  if (rand() < 0.85) query.attribute = rand() < 0.9 ? pick(ATTRIBUTES) : randomValue(depth + 1);
  if (rand() < 0.9) {
    const nested = method === 'and' || method === 'or';
    const count = nested ? 1 + int(3) : int(4);
    query.values = Array.from({ length: count }, () =>
      nested && depth < 4 ? randomQuery(depth + 1) : randomValue(depth + 1),
    );
  }
  return query;
}

function randomText(): string {
  return Array.from({ length: int(12) }, () => pick(FRAGMENTS)).join('');
}

function mutate(text: string): string {
  const at = int(text.length + 1);
  return text.slice(0, at) + pick(FRAGMENTS) + text.slice(at + int(3));
}

function toLegacy(query: Record<string, unknown>): string {
  const params = [JSON.stringify(query.attribute ?? ''), JSON.stringify(query.values ?? [])];
  return `${String(query.method)}(${params.slice(0, 1 + int(2)).join(', ')})`;
}

describe('fuzzing parseQueries + compileQueries', () => {
  it('only ever throws the two query errors, and compiled SQL only holds schema columns', () => {
    const outcomes = { ok: 0, refused: 0 };
    for (let i = 0; i < 4000; i++) {
      const query = randomQuery();
      const text = JSON.stringify(query);
      const candidates: unknown[] = [
        [text],
        [mutate(text)],
        [randomText()],
        [toLegacy(query)],
        [mutate(toLegacy(query))],
        { '1': text, '0': JSON.stringify(randomQuery()) },
      ];
      for (const raw of candidates) {
        outcomes[
          onlyQueryErrors(() =>
            expectSafeCompiled(compileQueries(parseQueries(raw), usersSchema), usersSchema),
          )
        ]++;
      }
      outcomes[
        onlyQueryErrors(() =>
          expectSafeCompiled(compileQueries([query as unknown as Query], usersSchema), usersSchema),
        )
      ]++;
    }
    // Guard against a generator that only produces garbage: a fair share must compile.
    expect(outcomes.ok).toBeGreaterThan(1000);
    expect(outcomes.refused).toBeGreaterThan(1000);
  });
});
