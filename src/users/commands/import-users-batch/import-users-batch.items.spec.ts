import { AppwriteError } from '@libs/http';
import { parseBatchItem } from './import-users-batch.items';

const refusal = (item: unknown) => {
  try {
    parseBatchItem(item);
  } catch (error) {
    return error instanceof AppwriteError ? { status: error.status, message: error.message } : error;
  }
  return undefined;
};

describe('parseBatchItem', () => {
  it('reads the POST /v1/users form (no algorithm) with a plain password still to hash', () => {
    expect(
      parseBatchItem({
        userId: 'ada',
        email: 'Ada@Example.com',
        password: 'password123',
        labels: ['a', 'a'],
      }),
    ).toEqual({
      userId: 'ada',
      email: 'ada@example.com',
      phone: null,
      name: '',
      password: { plain: 'password123' },
      labels: ['a'],
    });
  });

  it('reads a hashed form as its single route does, with the extras beside it', () => {
    const user = parseBatchItem({
      algorithm: 'sha',
      userId: 'bob',
      email: 'bob@example.com',
      password: 'AB'.repeat(32),
      phone: '+14155550100',
      status: false,
      emailVerification: true,
    });
    expect(user).toMatchObject({
      userId: 'bob',
      phone: '+14155550100',
      status: false,
      emailVerification: true,
      password: { password: 'ab'.repeat(32), hash: 'sha', hashOptions: { version: 'sha256' } },
    });
  });

  it('generates the id of unique()', () => {
    expect(parseBatchItem({ userId: 'unique()' }).userId).toMatch(/^[0-9a-f]{20}$/);
  });

  it('reads a User model (it has $id): "" as no email, phone or name, the hash with its options', () => {
    const user = parseBatchItem({
      $id: 'carol',
      email: '',
      phone: '+14155550101',
      name: '',
      password: 'ZcKu4hT3ScbO1vD7fX5nFRQmA2kiVhd4T2TsrTyaQv2IGnj+A7qwq/cPA45N5xvUKwx7Xz9FiI8YnhPW4j4rQA==',
      hash: 'scryptMod',
      hashOptions: { type: 'scryptMod', salt: 'c2FsdA==', saltSeparator: 'Bw==', signerKey: 'a2V5' },
      labels: ['x'],
      prefs: {},
      status: true,
      emailVerification: false,
      phoneVerification: true,
      registration: '2024-01-01T00:00:00.000+00:00',
    });
    expect(user).toMatchObject({
      userId: 'carol',
      email: null,
      phone: '+14155550101',
      name: '',
      labels: ['x'],
      phoneVerification: true,
      password: { hash: 'scryptMod', hashOptions: { salt: 'c2FsdA==', signerKey: 'a2V5' } },
    });
  });

  it("keeps the creation time of the source: a User model's $createdAt, a route form's createdAt", () => {
    expect(parseBatchItem({ $id: 'eve', $createdAt: '2019-05-04T10:00:00.000+02:00' }).createdAt).toEqual(
      new Date('2019-05-04T08:00:00.000Z'),
    );
    expect(parseBatchItem({ userId: 'fay', createdAt: '2020-01-02' }).createdAt).toEqual(
      new Date('2020-01-02T00:00:00.000Z'),
    );
    expect(parseBatchItem({ userId: 'gil' })).not.toHaveProperty('createdAt');
  });

  it('refuses a creation time that is not a date, or lies in the future', () => {
    const future = new Date(Date.now() + 24 * 3600_000).toISOString();
    for (const item of [
      { userId: 'x', createdAt: 'yesterday' },
      { userId: 'x', createdAt: future },
      { $id: 'x', $createdAt: future },
      { userId: 'x', createdAt: 1577836800 },
    ])
      expect(refusal(item)).toMatchObject({ status: 400, message: expect.stringContaining('`createdAt`') });
  });

  it('reads a User model without a password as a user without one', () => {
    expect(parseBatchItem({ $id: 'dan', password: null, hash: 'argon2' }).password).toEqual({ plain: '' });
  });

  it('refuses what the single routes refuse, with their messages', () => {
    expect(refusal(7)).toMatchObject({ status: 400, message: expect.stringContaining('`users`') });
    expect(refusal({ userId: 'x', email: 'nope' })).toMatchObject({
      message: expect.stringContaining('`email`'),
    });
    expect(refusal({ algorithm: 'rot13', userId: 'x' })).toMatchObject({
      message: expect.stringContaining('`algorithm`'),
    });
    expect(refusal({ algorithm: 'md5', userId: 'x', email: 'x@example.com', password: 'zz' })).toMatchObject({
      status: 400,
    });
    expect(refusal({ $id: 'x', password: 'abcdefgh12', hash: 'rot13' })).toMatchObject({
      message: expect.stringContaining('`hash`'),
    });
    expect(refusal({ userId: 'x', prefs: [1] })).toMatchObject({
      message: expect.stringContaining('`prefs`'),
    });
  });
});
