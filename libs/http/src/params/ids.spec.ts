import { customId, generateUniqueId, uid } from './ids';

const KEY_DESCRIPTION =
  "Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char";

describe('customId', () => {
  it.each<[string, unknown, boolean]>([
    ['the unique() placeholder', 'unique()', true],
    ['a plain id', 'user1', true],
    ['all allowed chars', 'a.b-c_D9', true],
    ['36 chars', 'a'.repeat(36), true],
    ['37 chars', 'a'.repeat(37), false],
    ['empty', '', false],
    ['leading underscore', '_abc', false],
    ['leading period', '.abc', false],
    ['leading hyphen', '-abc', false],
    ['leading $ (internal ids)', '$id', false],
    ['$ elsewhere', 'a$b', false],
    ['a space', 'a b', false],
    ['non-ASCII', 'usér', false],
    ['trailing newline', 'abc\n', false],
    ['placeholder in another case', 'UNIQUE()', false],
    ['placeholder with padding', ' unique()', false],
    ['a number', 123, false],
    ['null', null, false],
    ['true (PHP would loosely equal it to unique())', true, false],
  ])('%s', (_label, value, valid) => {
    expect(customId.parse(value)).toEqual(valid ? { ok: true, value } : { ok: false });
  });

  it("uses Appwrite's Key description", () => {
    expect(customId.description).toBe(KEY_DESCRIPTION);
  });

  it('publishes a schema whose pattern agrees with the validator', () => {
    const pattern = new RegExp(customId.schema.pattern as string);
    expect(pattern.test('unique()')).toBe(true);
    expect(pattern.test('a'.repeat(36))).toBe(true);
    expect(pattern.test('_a')).toBe(false);
  });
});

describe('uid', () => {
  it.each<[unknown, boolean]>([
    ['abc', true],
    ['a.b-c_d', true],
    ['a'.repeat(36), true],
    ['a'.repeat(37), false],
    ['unique()', false],
    ['_a', false],
    ['', false],
    [42, false],
  ])('%p → %p', (value, valid) => {
    expect(uid.parse(value).ok).toBe(valid);
  });

  it("uses Appwrite's UID description verbatim (it omits period and hyphen)", () => {
    expect(uid.description).toBe(
      "UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore",
    );
  });
});

describe('generateUniqueId', () => {
  it('is 20 lower-case hex chars whose first 8 are the current Unix time', () => {
    const before = Math.floor(Date.now() / 1000);
    const id = generateUniqueId();
    const after = Math.floor(Date.now() / 1000);
    expect(id).toMatch(/^[0-9a-f]{20}$/);
    const seconds = parseInt(id.slice(0, 8), 16);
    expect(seconds).toBeGreaterThanOrEqual(before);
    expect(seconds).toBeLessThanOrEqual(after + 1);
    expect(parseInt(id.slice(8, 13), 16)).toBeLessThan(1_000_000);
  });

  it('has strictly increasing time prefixes, like uniqid(), and is a valid custom id', () => {
    const ids = Array.from({ length: 2000 }, generateUniqueId);
    const prefixes = ids.map((id) => id.slice(0, 13));
    expect(new Set(prefixes).size).toBe(ids.length);
    expect([...prefixes].sort()).toEqual(prefixes);
    expect(ids.every((id) => customId.parse(id).ok && uid.parse(id).ok)).toBe(true);
  });
});
