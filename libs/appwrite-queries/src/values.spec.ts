import { escapeLike, isUid, toSafeInteger, toSqlDatetime } from './values';

describe('toSqlDatetime', () => {
  it.each([
    ['2025-01-01', '2025-01-01 00:00:00.000'],
    ['2025-01-01T10:00', '2025-01-01 10:00:00.000'],
    ['2025-01-01T10:00:00.000+00:00', '2025-01-01 10:00:00.000'],
    ['2025-01-01 10:00:00.5', '2025-01-01 10:00:00.500'],
    ['2025-01-01T10:00:00.123456789Z', '2025-01-01 10:00:00.123'],
    ['2025-01-01T01:30:00+02:00', '2024-12-31 23:30:00.000'],
    ['2025-01-01T23:30:00-0130', '2025-01-02 01:00:00.000'],
    ['2025-01-01T10:00:00+05', '2025-01-01 05:00:00.000'],
    ['2024-02-29T00:00:00Z', '2024-02-29 00:00:00.000'],
    ['0001-01-01', '0001-01-01 00:00:00.000'],
    ['0050-06-15', '0050-06-15 00:00:00.000'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31 23:59:59.999'],
  ])('reads %s as %s', (input, expected) => {
    expect(toSqlDatetime(input)).toBe(expected);
  });

  it.each([
    'yesterday',
    '2025-1-1',
    '2025-13-01',
    '2025-00-10',
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-01-01T24:00',
    '2025-01-01T10:60',
    '2025-01-01T10:00:61',
    '2025-01-01T10:00+24:00',
    '2025-01-01Z',
    ' 2025-01-01',
    '2025-01-01T10:00:00.',
    '0000-01-01T00:00:00+01:00',
    '9999-12-31T23:00:00-02:00',
  ])('refuses %s', (input) => {
    expect(toSqlDatetime(input)).toBeUndefined();
  });

  it('formats Dates in UTC and refuses invalid ones', () => {
    expect(toSqlDatetime(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)))).toBe('2025-01-02 03:04:05.006');
    expect(toSqlDatetime(new Date('nope'))).toBeUndefined();
    expect(toSqlDatetime(1735689600000)).toBeUndefined();
  });
});

describe('toSafeInteger', () => {
  it.each<[unknown, number | undefined]>([
    [5, 5],
    [-3, -3],
    ['42', 42],
    ['-42', -42],
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', undefined],
    [2 ** 60, undefined],
    [1.5, undefined],
    ['1.0', undefined],
    ['0x10', undefined],
    [' 1', undefined],
    ['', undefined],
    [true, undefined],
    [null, undefined],
  ])('%p → %p', (input, expected) => {
    expect(toSafeInteger(input)).toBe(expected);
  });
});

describe('isUid', () => {
  it.each(['a', 'A.b-c_9', '9'.repeat(36)])('accepts %s', (id) => expect(isUid(id)).toBe(true));
  it.each(['', '.a', '_a', '-a', 'a b', 'a$', 'é', 'a'.repeat(37), 5, null])('refuses %p', (id) =>
    expect(isUid(id)).toBe(false),
  );
});

describe('escapeLike', () => {
  it('escapes %, _ and backslash only', () => {
    expect(escapeLike(String.raw`a%b_c\d'e"f`)).toBe(String.raw`a\%b\_c\\d'e"f`);
  });
});
