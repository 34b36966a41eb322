import { CONTENT_TYPES } from './hostile-http';
import { deepValue, hostileObject, hostileString, hostileValue, urlEncode } from './hostile-values';
import { Prng } from './prng';

export interface FieldSchema {
  type?: string;
}

export interface HostileBody {
  label: string;
  contentType?: string;
  bytes: Buffer;
}

/** Ids and emails shared by creates, logins and path ids, so that requests meet each other's users. */
export const SHARED_IDS = ['fuzz-a', 'fuzz-b', 'fuzz-c'];
const SHARED_EMAILS = SHARED_IDS.map((id) => `${id}@example.com`);

function plausible(prng: Prng, name: string, schema: FieldSchema): unknown {
  switch (name) {
    case 'userId':
    case 'identityId':
      return prng.pick(['unique()', ...SHARED_IDS, `u${prng.int(0, 1e6)}`]);
    case 'email':
    case 'providerEmail':
      return prng.pick([...SHARED_EMAILS, `f${prng.int(0, 1e6)}@example.com`, '']);
    case 'password':
      return prng.pick(['password123', 'short', '$2y$10$abcdefghijklmnopqrstuv', 'x'.repeat(300)]);
    case 'number':
    case 'phone':
      return `+1555${prng.int(1_000_000, 9_999_999)}`;
    case 'passwordVersion':
      return prng.pick(['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-512', 'md5', 'bogus']);
    case 'passwordCpu':
    case 'passwordMemory':
    case 'passwordParallel':
    case 'passwordLength':
      return prng.pick([1, 2, 8, 16, 64, 16384, 2 ** 20, 2 ** 31, -1, 0, 1.5, '8', 1e308]);
    case 'providerAccessTokenExpiry':
      return prng.pick(['2030-01-01T00:00:00.000+00:00', '2030-13-45', '', '9999-12-31T23:59:59Z']);
    case 'labels':
      return prng.pick([['a', 'b'], [], ['x'.repeat(37)], Array.from({ length: 1_001 }, (_, i) => `l${i}`)]);
    case 'prefs':
      return prng.pick([{ a: 1 }, {}, { nested: { deep: [1, 2, 3] } }]);
  }
  switch (schema.type) {
    case 'boolean':
      return prng.chance(0.5);
    case 'integer':
    case 'number':
      return prng.int(-5, 100);
    case 'array':
      return ['a'];
    case 'object':
      return { a: 1 };
    default:
      return prng.pick(['fuzz', 'github', 'x'.repeat(prng.pick([1, 128, 256, 257]))]);
  }
}

/**
 * The route's own fields, each missing, plausible or hostile, plus strangers. Half the bodies have at most
 * one hostile field, so that they get past validation into the handlers.
 */
function schemaBody(prng: Prng, fields: Record<string, FieldSchema>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const names = Object.keys(fields);
  const onlyHostile = prng.chance(0.5) ? prng.pick([...names, '']) : undefined;
  for (const [name, schema] of Object.entries(fields)) {
    if (onlyHostile !== undefined) {
      body[name] = name === onlyHostile ? hostileValue(prng) : plausible(prng, name, schema);
      continue;
    }
    const roll = prng.next();
    if (roll < 0.15) continue;
    body[name] = roll < 0.6 ? plausible(prng, name, schema) : hostileValue(prng);
  }
  if (prng.chance(0.2)) body[hostileString(prng).slice(0, 100)] = hostileValue(prng);
  return body;
}

const MALFORMED_JSON: readonly string[] = [
  '{',
  '}',
  '[',
  '{"a":}',
  '{"a":1,}',
  'NaN',
  '{a:1}',
  "{'a':1}",
  '{"a":1}{"a":2}',
  '\ufeff{"userId":"bom"}',
  '{"__proto__":{"polluted":1},"userId":"proto"}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"name":"\\ud800"}',
  '{"name":"\\u0000"}',
  '{"name":"\\x41"}',
  '{"a":1e999999}',
  '{"a":-}',
  '/* c */{}',
  '{"a":"x"}\u0000',
  '{"userId":"dup","userId":"dup2"}',
  '"just a string"',
  '12',
  'true',
  'null',
  '[]',
  '   ',
];

/** Valid JSON around bytes that are not UTF-8: stray, overlong, surrogate, truncated. */
const BAD_UTF8: ReadonlyArray<readonly number[]> = [
  [0xff, 0xfe],
  [0xc0, 0xaf],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80],
];

function badEncoding(prng: Prng, field: string): Buffer {
  const bytes = Buffer.from(prng.pick(BAD_UTF8));
  return prng.oneOf([
    () => Buffer.concat([Buffer.from(`{"${field}":"a`), bytes, Buffer.from('b"}')]),
    () => Buffer.concat([Buffer.from('{"'), bytes, Buffer.from('":"x"}')]),
    () => Buffer.from(`{"${field}":"caf\u00e9"}`, 'latin1'),
    () => Buffer.from(`\ufeff{"${field}":"utf16"}`, 'utf16le'),
  ]);
}

function deepText(prng: Prng, field: string): string {
  const depth = prng.pick([100, 1_000, 10_000, 100_000]);
  return prng.oneOf([
    () => '['.repeat(depth) + ']'.repeat(depth),
    () => `{"${field}":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
    () => `{"${field}":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    () => '{"a":'.repeat(depth),
  ]);
}

function hugeText(prng: Prng, field: string): string {
  return prng.oneOf([
    () => JSON.stringify({ [field]: 'x'.repeat(prng.pick([70_000, 1_100_000])) }),
    () => `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
    () => JSON.stringify({ [field]: Array.from({ length: 20_000 }, (_, i) => i) }),
    () => JSON.stringify({ [field]: deepValue(500) }),
  ]);
}

function formBody(prng: Prng, field: string): string {
  return prng.pick([
    `${field}=x&name=%ff`,
    `${field}[a]=1&${field}[b][c]=2`,
    `${field}[]=a&${field}[]=b`,
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
    '&&&==',
    '%',
    `${field}=%ZZ`,
    `${field}=${urlEncode(hostileString(prng))}`,
    `userId=unique()&email=${SHARED_EMAILS[0]}&password=password123`,
  ]);
}

/** A request body for a route with these fields (none: a body where none is expected). */
export function hostileBody(prng: Prng, fields: Record<string, FieldSchema>): HostileBody {
  const field = prng.pick([...Object.keys(fields), 'prefs', 'name']);
  const json = (label: string, text: string | Buffer): HostileBody => ({
    label,
    contentType: prng.chance(0.85) ? 'application/json' : prng.pick(CONTENT_TYPES),
    bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
  });
  return prng.oneOf<HostileBody>([
    () => json('schema', JSON.stringify(schemaBody(prng, fields))),
    () => json('schema', JSON.stringify(schemaBody(prng, fields))),
    () => json('schema', JSON.stringify(schemaBody(prng, fields))),
    () => json('malformed-json', prng.pick(MALFORMED_JSON)),
    () => json('bad-encoding', badEncoding(prng, field)),
    () => json('deep', deepText(prng, field)),
    () => json('huge', hugeText(prng, field)),
    () => json('value', JSON.stringify({ [field]: hostileValue(prng) })),
    () => json('object', JSON.stringify(hostileObject(prng))),
    () => ({
      label: 'form',
      contentType: 'application/x-www-form-urlencoded',
      bytes: Buffer.from(formBody(prng, field), 'latin1'),
    }),
    () => ({ label: 'no-content-type', bytes: Buffer.from(JSON.stringify(schemaBody(prng, fields))) }),
    () => json('empty', ''),
  ]);
}
