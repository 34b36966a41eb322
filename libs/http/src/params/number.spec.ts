import { integer, phpNumberFormat, range } from './number';

describe('phpNumberFormat', () => {
  it.each<[number, string]>([
    [0, '0'],
    [128, '128'],
    [3600, '3,600'],
    [31536000, '31,536,000'],
    [-2147483648, '-2,147,483,648'],
  ])('%p → %p', (n, text) => {
    expect(phpNumberFormat(n)).toBe(text);
  });
});

describe('integer', () => {
  it.each<[unknown, boolean]>([
    [0, true],
    [8, true],
    [-1, true],
    [2147483647, true],
    [-2147483648, true],
    [2147483648, false],
    [-2147483649, false],
    [1.5, false],
    ['8', false],
    [true, false],
    [null, false],
    [Number.NaN, false],
  ])('%p → %p', (value, valid) => {
    expect(integer.parse(value)).toEqual(valid ? { ok: true, value } : { ok: false });
  });

  it("uses Appwrite's Integer description", () => {
    expect(integer.description).toBe(
      'Value must be a valid signed 32-bit integer between -2,147,483,648 and 2,147,483,647',
    );
  });
});

describe('range', () => {
  const length = range(4, 128);

  it.each<[unknown, number]>([
    [4, 4],
    [128, 128],
    ['6', 6],
    [' 6', 6],
    ['6 ', 6],
    ['+6', 6],
    ['0010', 10],
  ])('accepts %p as %p', (value, expected) => {
    expect(length.parse(value)).toEqual({ ok: true, value: expected });
  });

  it.each<unknown>([
    3,
    129,
    '3',
    '129',
    6.5,
    '6.0',
    '1e1',
    '0x10',
    'abc',
    '',
    '6a',
    true,
    null,
    [6],
    Infinity,
  ])('rejects %p', (value) => {
    expect(length.parse(value)).toEqual({ ok: false });
  });

  it('normalises "-0" to 0', () => {
    expect(range(-1, 1).parse('-0')).toEqual({ ok: true, value: 0 });
    expect(Object.is((range(-1, 1).parse('-0') as { value: number }).value, 0)).toBe(true);
  });

  it("uses Appwrite's Range description with PHP number formatting", () => {
    expect(length.description).toBe('Value must be a valid range between 4 and 128');
    expect(range(60, 31536000).description).toBe('Value must be a valid range between 60 and 31,536,000');
  });
});
