import { Prng } from './prng';

/** Strings that have broken parsers, validators, SQL and logs somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  "' OR '1'='1",
  '"; DROP TABLE users; --',
  "\\' OR 1=1 #",
  "%' AND SLEEP(5) AND '%'='",
  '1; SELECT * FROM events',
  ') OR (1=1',
  '%_%',
  '\\',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\uffff',
  '\ufeff',
  '\u202eevil',
  'zero\u200bwidth',
  '😀'.repeat(40),
  'İıß',
  '＠ｆｕｌｌ',
  '漢字テスト',
  'e\u0301'.repeat(50),
  '%s%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'unique()',
  'null',
  'undefined',
  'true',
  'NaN',
  '-0',
  '1e309',
  '9'.repeat(400),
  '0x10',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '$id',
  'a@b',
  '@',
  '"quoted"@example.com',
  'a@[127.0.0.1]',
  'ü@ü.de',
  `${'a'.repeat(64)}@${'b'.repeat(250)}.com`,
  '+',
  '+1',
  '+12345678901234567',
  '+１２３４５６７',
  '+1 (555) 123-4567',
  '2025-13-45T99:99:99Z',
  '0000-00-00 00:00:00',
];

/** Plausible ids: they get past the id validators, into the handlers. */
const IDS = ['fuzz', 'a', 'A.b-c_d', 'x'.repeat(36), '0', 'unique()'];

export function hostileString(prng: Prng): string {
  return prng.oneOf([
    () => prng.pick(HOSTILE_STRINGS),
    () => prng.pick(IDS),
    () => prng.pick(['a', '%', '😀', '\u0000', "'"]).repeat(prng.pick([37, 129, 257, 2_000, 70_000])),
    () => randomUnicode(prng, prng.int(1, 64)),
    () => prng.pick(HOSTILE_STRINGS) + prng.pick(HOSTILE_STRINGS),
  ]);
}

/** Code points from every plane, lone surrogates and controls included. */
export function randomUnicode(prng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const max = prng.pick([0x7f, 0xff, 0xffff, 0x10ffff]);
    out += String.fromCodePoint(prng.int(0, max));
  }
  return out;
}

const NUMBERS = [0, -1, 1, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 4294967296, 1e-320];

/** A small scalar: keeps nested values from multiplying into a body of gigabytes. */
function leaf(prng: Prng): unknown {
  return prng.oneOf<unknown>([
    () => hostileString(prng).slice(0, 300),
    () => prng.pick(NUMBERS),
    () => prng.chance(0.5),
    () => null,
  ]);
}

/** Any JSON value, mostly the wrong type for whatever field receives it; big ones only at the top. */
export function hostileValue(prng: Prng, depth = 0): unknown {
  if (depth > 3) return leaf(prng);
  const generators: Array<() => unknown> = [
    () => leaf(prng),
    () => leaf(prng),
    () => leaf(prng),
    () => Array.from({ length: prng.int(0, 5) }, () => hostileValue(prng, depth + 1)),
    () => hostileObject(prng, depth + 1),
  ];
  if (depth === 0) {
    generators.push(
      () => hostileString(prng),
      () => Array.from({ length: prng.pick([101, 1_000, 20_000]) }, () => prng.pick(['x', 1, null])),
      () => deepValue(prng.pick([64, 500, 1_000])),
    );
  }
  return prng.oneOf(generators);
}

export function hostileObject(prng: Prng, depth = 0): Record<string, unknown> {
  // No prototype: a `__proto__` key is then an own key, as it is in parsed JSON.
  const out = Object.create(null) as Record<string, unknown>;
  const count = prng.pick([0, 1, 3, 8, 2_000]);
  for (let i = 0; i < count; i++) {
    if (count > 8) {
      // Many keys: the count is the point, so keys and values stay cheap to make.
      out[prng.chance(0.1) ? prng.pick(HOSTILE_STRINGS) : `k${i}`] = prng.pick(NUMBERS);
    } else {
      out[prng.chance(0.7) ? hostileString(prng).slice(0, 300) : `k${i}`] = hostileValue(prng, depth + 1);
    }
  }
  return out;
}

/** `{"a":{"a":…}}` or `[[…]]`, `depth` levels down. */
export function deepValue(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** encodeURIComponent that accepts lone surrogates (sent as U+FFFD) instead of throwing. */
export function urlEncode(value: string): string {
  return encodeURIComponent(
    value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );
}
