import { phpJsonLength, prefs, prefsOrJsonString } from './prefs';

describe('phpJsonLength', () => {
  it.each<[unknown, number]>([
    [{}, 2],
    [{ a: 'b' }, 9],
    [{ a: 'é' }, 14], // "\u00e9"
    [{ a: '😀' }, 20], // "\ud83d\ude00"
    [{ a: 'x/y' }, 12], // "x\/y"
  ])('%p → %p', (value, length) => {
    expect(phpJsonLength(value)).toBe(length);
  });

  it('returns undefined for what cannot be serialised', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(phpJsonLength(cyclic)).toBeUndefined();
    expect(phpJsonLength(undefined)).toBeUndefined();
  });
});

describe('prefs', () => {
  it.each<[string, unknown, unknown]>([
    ['an empty object', {}, {}],
    ['an empty array (normalised to {})', [], {}],
    [
      'a nested object',
      { theme: 'dark', list: [1, 2], nested: { a: null } },
      { theme: 'dark', list: [1, 2], nested: { a: null } },
    ],
    ['a non-list numeric key', { '1': 'a' }, { '1': 'a' }],
    ['exactly 65535 encoded chars', { a: 'x'.repeat(65527) }, { a: 'x'.repeat(65527) }],
    ['multi-byte text within the PHP limit', { a: 'é'.repeat(10921) }, { a: 'é'.repeat(10921) }],
  ])('accepts %s', (_label, value, expected) => {
    expect(prefs.parse(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown]>([
    ['a non-empty array', [1, 2]],
    ['an object PHP decodes to a list', { '0': 'a', '1': 'b' }],
    ['null', null],
    ['a string', '{"a":1}'],
    ['a number', 1],
    ['a boolean', true],
    ['65536 encoded chars', { a: 'x'.repeat(65528) }],
    ['multi-byte text over the PHP limit (short in UTF-16)', { a: 'é'.repeat(10922) }],
    ['slashes over the PHP limit', { a: '/'.repeat(32764) }],
    ['a class instance', new Date()],
  ])('rejects %s', (_label, value) => {
    expect(prefs.parse(value)).toEqual({ ok: false });
  });

  it("uses Appwrite's Assoc description", () => {
    expect(prefs.description).toBe('Value must be a valid object.');
  });
});

describe('prefsOrJsonString (Appwrite 0.x clients)', () => {
  it('parses a JSON string of an object, then validates it as prefs', () => {
    expect(prefsOrJsonString.parse('{"theme":"dark","n":{"a":[1]}}')).toEqual({
      ok: true,
      value: { theme: 'dark', n: { a: [1] } },
    });
    expect(prefsOrJsonString.parse('[]')).toEqual({ ok: true, value: {} });
    expect(prefsOrJsonString.parse({ a: 1 })).toEqual({ ok: true, value: { a: 1 } });
  });

  it('drops prototype-poisoning keys, as request bodies do', () => {
    const parsed = prefsOrJsonString.parse('{"__proto__":{"x":1},"a":1}');
    expect(parsed).toEqual({ ok: true, value: { a: 1 } });
    expect(Object.getPrototypeOf(parsed.ok && parsed.value)).toBe(Object.prototype);
  });

  it.each(['x', '', '"text"', '1', 'null', '[1,2]', '{"0":"a"}', JSON.stringify({ a: 'x'.repeat(65535) })])(
    'refuses %j',
    (value) => {
      expect(prefsOrJsonString.parse(value).ok).toBe(false);
    },
  );
});
