import {
  fail,
  failureDescription,
  isPlainObject,
  nullable,
  ok,
  orEmpty,
  ParamValidator,
} from './param-validator';

const digits: ParamValidator<string> = {
  description: 'Value must be digits',
  schema: { type: 'string' },
  parse: (value) =>
    typeof value === 'string' && /^\d+$/.test(value)
      ? ok(value)
      : value === 'special'
        ? fail('special failure')
        : fail(),
};

describe('nullable', () => {
  const validator = nullable(digits);

  it('accepts null and defers everything else', () => {
    expect(validator.parse(null)).toEqual({ ok: true, value: null });
    expect(validator.parse('12')).toEqual({ ok: true, value: '12' });
    expect(validator.parse('x')).toEqual({ ok: false });
    expect(validator.parse(undefined)).toEqual({ ok: false });
  });

  it('appends " or null" to the description and to failure overrides, like Appwrite Nullable', () => {
    expect(validator.description).toBe('Value must be digits or null');
    expect(validator.parse('special')).toEqual({ ok: false, description: 'special failure or null' });
    expect(validator.schema).toEqual({ type: 'string', nullable: true });
  });
});

describe('orEmpty', () => {
  it('accepts exactly "" and keeps the inner description', () => {
    const validator = orEmpty(digits, { type: 'string' });
    expect(validator.parse('')).toEqual({ ok: true, value: '' });
    expect(validator.parse('7')).toEqual({ ok: true, value: '7' });
    expect(validator.parse(' ')).toEqual({ ok: false });
    expect(validator.description).toBe('Value must be digits');
  });
});

describe('failureDescription', () => {
  it('prefers the failure override', () => {
    expect(failureDescription(digits, digits.parse('special'))).toBe('special failure');
    expect(failureDescription(digits, digits.parse('x'))).toBe('Value must be digits');
  });
});

describe('isPlainObject', () => {
  it.each<[unknown, boolean]>([
    [{}, true],
    [Object.create(null), true],
    [JSON.parse('{"a":1}'), true],
    [[], false],
    [null, false],
    ['x', false],
    [new Date(), false],
    [new Map(), false],
  ])('%p → %p', (value, expected) => {
    expect(isPlainObject(value)).toBe(expected);
  });
});
