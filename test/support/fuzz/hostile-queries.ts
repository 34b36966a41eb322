import { SUPPORTED_METHODS } from '@libs/appwrite-queries';
import { hostileString, hostileValue } from './hostile-values';
import { Prng } from './prng';

const METHODS = [
  ...SUPPORTED_METHODS,
  'select',
  'orderRandom',
  'regex',
  'distanceLessThan',
  'frob',
  '',
  'EQUAL',
  'name.equal',
  '__proto__',
];
const ATTRIBUTES = [
  '$id',
  '$createdAt',
  '$updatedAt',
  '$sequence',
  'name',
  'email',
  'phone',
  'status',
  'labels',
  'prefs',
  'password',
  'passwordUpdate',
  'registration',
  'emailVerification',
  'phoneVerification',
  'accessedAt',
  'provider',
  'providerUid',
  'providerEmail',
  'userId',
  'search',
  'name; DROP TABLE users',
  'name`)',
  '',
];
const FULLTEXT = [
  '+',
  '-',
  '*',
  '~',
  '"',
  '@',
  '<',
  '>',
  '(',
  ')',
  '@@@',
  '+-+-',
  'a*b',
  '"open',
  '%',
  '_',
  '\\',
];

/** A full-text search string: boolean-mode operators, stop words, long and many words. */
export function hostileSearch(prng: Prng): string {
  return prng.oneOf([
    () => hostileString(prng),
    () =>
      Array.from({ length: prng.int(1, 8) }, () => prng.pick(FULLTEXT) + prng.pick(['', 'ab', 'x'])).join(''),
    () => 'the a an of',
    () => 'w'.repeat(prng.pick([255, 256, 257, 1_000])),
    () => Array.from({ length: prng.pick([50, 300]) }, (_, i) => `word${i}`).join(' '),
    () => `${prng.pick(FULLTEXT)}${hostileString(prng)}${prng.pick(FULLTEXT)}`,
  ]);
}

function jsonQuery(prng: Prng, depth: number): Record<string, unknown> {
  const method = prng.pick(METHODS);
  if ((method === 'and' || method === 'or') && depth < 40) {
    return {
      method,
      values: Array.from({ length: prng.int(0, 3) }, () => jsonQuery(prng, depth + 1)),
    };
  }
  const query: Record<string, unknown> = { method };
  if (prng.chance(0.9)) query.attribute = prng.pick(ATTRIBUTES);
  if (prng.chance(0.9)) {
    query.values = prng.chance(0.7)
      ? Array.from({ length: prng.pick([0, 1, 2, 3, 101]) }, () => hostileValue(prng, 3))
      : hostileValue(prng, 2);
  }
  return query;
}

/** `and(or(and(…)))` `depth` levels down: for stack and SQL-size limits. */
function deepLogicalQuery(prng: Prng, depth: number): string {
  let inner = JSON.stringify({ method: 'equal', attribute: 'name', values: ['x'] });
  for (let i = 0; i < depth; i++)
    inner = `{"method":"${prng.pick(['and', 'or'])}","values":[${inner},${inner.length < 5_000 ? inner : '{}'}]}`;
  return inner;
}

const LEGACY: readonly string[] = [
  'equal("email", ["x"])',
  'limit(99999999999999999999)',
  'limit(-1)',
  'limit(1e308)',
  'offset(-1)',
  'offset(99999999999999)',
  'cursorAfter("")',
  'cursorAfter("no-such-user")',
  'orderDesc("")',
  'search("name", "+-*~\\"@")',
  'between("$createdAt", "a", 1)',
  'equal("email", [',
  'equal('.repeat(1_000),
  'select(["*"])',
  'name.equal("x")',
  'equal("name", [' + '"x",'.repeat(200) + '"x"])',
];

/** One value of `queries[]`. */
export function hostileQuery(prng: Prng): string {
  return prng.oneOf([
    () => JSON.stringify(jsonQuery(prng, 0)),
    () => JSON.stringify(jsonQuery(prng, 0)),
    () => deepLogicalQuery(prng, prng.pick([5, 50, 200, 400])),
    () => prng.pick(LEGACY),
    () => hostileString(prng),
    () => JSON.stringify(hostileValue(prng)),
    () => JSON.stringify({ method: 'limit', values: [prng.pick([0, -1, 5_001, 1e308, '1', null])] }),
    () => JSON.stringify({ method: 'cursorAfter', values: [hostileString(prng)] }),
  ]);
}
