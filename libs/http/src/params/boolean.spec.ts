import { looseBoolean, strictBoolean } from './boolean';

describe('looseBoolean', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
    [1, true],
    [0, false],
  ])('%p → %p', (value, expected) => {
    expect(looseBoolean.parse(value)).toEqual({ ok: true, value: expected });
  });

  it.each<unknown>(['TRUE', 'yes', '', 2, -1, null, undefined, [], {}, ' true'])('rejects %p', (value) => {
    expect(looseBoolean.parse(value)).toEqual({ ok: false });
  });
});

describe('strictBoolean', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    [false, true],
    ['true', false],
    ['false', false],
    [1, false],
    [0, false],
    [null, false],
  ])('%p valid: %p', (value, valid) => {
    expect(strictBoolean.parse(value)).toEqual(valid ? { ok: true, value } : { ok: false });
  });
});

it('both use the Boolean description', () => {
  expect(looseBoolean.description).toBe('Value must be a valid boolean');
  expect(strictBoolean.description).toBe('Value must be a valid boolean');
});
