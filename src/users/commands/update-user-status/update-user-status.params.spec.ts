import { userStatus } from './update-user-status.params';

describe('userStatus', () => {
  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['false', false],
    [1, true],
    ['1', true],
    [0, false],
    ['0', false],
    [2, false],
    ['2', false],
  ])('reads %j as %j (Appwrite 1.x booleans and 0.x integers)', (value, expected) => {
    expect(userStatus.parse(value)).toEqual({ ok: true, value: expected });
  });

  it.each([3, -1, '02', 'blocked', null, 1.5])('refuses %j', (value) => {
    expect(userStatus.parse(value).ok).toBe(false);
  });
});
