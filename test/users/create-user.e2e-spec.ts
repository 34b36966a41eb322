import { expectAppwriteError, TestApp } from '../support/test-app';

const USER_KEYS = [
  '$id',
  '$createdAt',
  '$updatedAt',
  'name',
  'password',
  'hash',
  'hashOptions',
  'registration',
  'status',
  'labels',
  'passwordUpdate',
  'email',
  'phone',
  'emailVerification',
  'emailCanonical',
  'emailIsFree',
  'emailIsDisposable',
  'emailIsCorporate',
  'emailIsCanonical',
  'phoneVerification',
  'mfa',
  'prefs',
  'targets',
  'accessedAt',
  'impersonator',
  'impersonatorUserId',
  'banReason',
  'banExpiresAt',
];
const DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;

describe('POST /v1/users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('creates a user and answers the Appwrite User model in Appwrite key order', async () => {
    const res = await t.request('POST', '/v1/users', {
      body: {
        userId: 'ada',
        email: 'Ada@Example.COM',
        phone: '+14155550100',
        password: 'correct horse',
        name: 'Ada',
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(res.body)).toEqual(USER_KEYS);
    expect(res.body).toMatchObject({
      $id: 'ada',
      name: 'Ada',
      email: 'ada@example.com',
      phone: '+14155550100',
      status: true,
      labels: [],
      emailVerification: false,
      phoneVerification: false,
      mfa: false,
      prefs: {},
      accessedAt: '',
      hash: 'argon2',
      hashOptions: { type: 'argon2', memory_cost: 19456, time_cost: 2, threads: 1 },
    });
    expect(res.body.password).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    for (const key of ['$createdAt', '$updatedAt', 'registration', 'passwordUpdate'])
      expect(res.body[key]).toMatch(DATE);
    expect(
      res.body.targets.map((x: { providerType: string; identifier: string }) => [
        x.providerType,
        x.identifier,
      ]),
    ).toEqual([
      ['email', 'ada@example.com'],
      ['sms', '+14155550100'],
    ]);
  });

  it('generates a 20-hex id for unique()', async () => {
    const user = await t.createUser({ userId: 'unique()' });
    expect(user.$id).toMatch(/^[0-9a-f]{20}$/);
  });

  it('allows users with no email, phone, password or name, with Appwrite defaults', async () => {
    const res = await t.request('POST', '/v1/users', { body: { userId: 'anon1', email: null, phone: null } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: '',
      phone: '',
      name: '',
      password: null,
      hash: 'argon2',
      passwordUpdate: '',
      targets: [],
    });
  });

  it('never stores or returns the plain password', async () => {
    await t.createUser({ userId: 'secretive', password: 'plain-text-secret-42' });
    const [rows] = await t.db.query(
      "SELECT COUNT(*) AS n FROM events WHERE data LIKE '%plain-text-secret-42%' OR metadata LIKE '%plain-text-secret-42%'",
    );
    expect((rows as Array<{ n: number }>)[0].n).toBe(0);
    const [users] = await t.db.query(
      "SELECT COUNT(*) AS n FROM users WHERE password LIKE '%plain-text-secret-42%'",
    );
    expect((users as Array<{ n: number }>)[0].n).toBe(0);
  });

  it.each([
    [{ userId: '' }, /^Invalid `userId` param: Parameter must contain at most 36 chars/],
    [{ userId: '_x' }, /^Invalid `userId` param/],
    [{ userId: 'a'.repeat(37) }, /^Invalid `userId` param/],
    [{ userId: 'x1', email: 'not-an-email' }, /^Invalid `email` param: Value must be a valid email address/],
    [{ userId: 'x1', phone: '4155550100' }, /^Invalid `phone` param/],
    [{ userId: 'x1', password: 'short' }, /^Invalid `password` param/],
    [{ userId: 'x1', password: 'x'.repeat(257) }, /^Invalid `password` param/],
    [{ userId: 'x1', name: '' }, /^Invalid `name` param/],
    [{ userId: 'x1', name: 'n'.repeat(129) }, /^Invalid `name` param/],
    [{ userId: 42 }, /^Invalid `userId` param/],
  ])('refuses %j with 400 general_argument_invalid', async (body, message) => {
    const res = await t.request('POST', '/v1/users', { body });
    expectAppwriteError(res, 400, 'general_argument_invalid', message);
  });

  it('answers 409 user_already_exists for a taken id, email or phone', async () => {
    await t.createUser({ userId: 'taken', email: 'taken@example.com', phone: '+14155550111' });
    for (const body of [
      { userId: 'taken' },
      { userId: 'other1', email: 'TAKEN@example.com' },
      { userId: 'other2', phone: '+14155550111' },
    ]) {
      expectAppwriteError(await t.request('POST', '/v1/users', { body }), 409, 'user_already_exists');
    }
    // A refused create changes nothing: no half-written user, no claimed phone.
    expect((await t.request('GET', '/v1/users/other1')).status).toBe(404);
    expect(
      (await t.request('POST', '/v1/users', { body: { userId: 'other1', phone: '+14155550112' } })).status,
    ).toBe(201);
  });

  it('frees the id, email and phone of a deleted user', async () => {
    await t.createUser({ userId: 'phoenix', email: 'phoenix@example.com', phone: '+14155550123' });
    expect((await t.request('DELETE', '/v1/users/phoenix', { body: {} })).status).toBe(204);
    const again = await t.request('POST', '/v1/users', {
      body: { userId: 'phoenix', email: 'phoenix@example.com', phone: '+14155550123', name: 'Reborn' },
    });
    expect(again.status).toBe(201);
    expect(again.body.name).toBe('Reborn');
  });

  it('gives exactly one winner when the same email is claimed concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.request('POST', '/v1/users', { body: { userId: `race${i}`, email: 'race@example.com' } }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.type === 'user_already_exists')).toBe(
      true,
    );
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
  });

  it('gives exactly one winner when the same id is created concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.request('POST', '/v1/users', { body: { userId: 'same-id', name: `n${i}` } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });
});
