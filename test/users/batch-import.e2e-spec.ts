import { createHash, randomUUID, scryptSync } from 'node:crypto';
import * as argon2 from 'argon2';
import * as bcrypt from 'bcrypt';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, TestApp } from '../support/test-app';

const PLAIN = 'appwrite';
const sha = (algorithm: string) => createHash(algorithm).update(PLAIN).digest('hex');

/** One item per import algorithm (hashes of PLAIN made by each reference implementation), and a plain one. */
async function mixedItems(prefix: string): Promise<Array<Record<string, unknown>>> {
  const argon2id = await argon2.hash(PLAIN, { type: argon2.argon2id, memoryCost: 4096, timeCost: 2 });
  const items: Array<Record<string, unknown>> = [
    { algorithm: 'plain', password: PLAIN, labels: ['vip', 'beta'], prefs: { theme: 'dark' } },
    { algorithm: 'argon2', password: argon2id },
    { algorithm: 'bcrypt', password: bcrypt.hashSync(PLAIN, 4) },
    { algorithm: 'md5', password: '144fa7eaa4904e8ee120651997f70dcc', emailVerification: true },
    { algorithm: 'sha', password: sha('sha512'), passwordVersion: 'sha512' },
    { algorithm: 'phpass', password: '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.', phone: '+14155550142' },
    {
      algorithm: 'scrypt',
      password: scryptSync(PLAIN, 'appwrite', 64, { N: 16384, r: 8, p: 1 }).toString('hex'),
      passwordSalt: 'appwrite',
      passwordCpu: 16384,
      passwordMemory: 8,
      passwordParallel: 1,
      passwordLength: 64,
    },
    {
      algorithm: 'scryptModified',
      password: 'UlM7JiXRcQhzAGlaonpSqNSLIz475WMddOgLjej5De9vxTy48K6WtqlEzrRFeK4t0COfMhWCb8wuMHgxOFCHFQ==',
      passwordSalt: 'UxLMreBr6tYyjQ==',
      passwordSaltSeparator: 'Bw==',
      passwordSignerKey:
        'XyEKE9RcTDeLEsL/RjwPDBv/RqDl8fb3gpYEOQaPihbxf1ZAtSOHCjuAAa7Q3oHpCYhXSN9tizHgVOwn6krflQ==',
    },
  ];
  return items.map((item, i) => ({
    userId: `${prefix}-${item.algorithm}`.toLowerCase(),
    email: `${prefix}-${i}@example.com`,
    name: `User ${i}`,
    ...item,
  }));
}

describe('POST /v1/users/batch (extension)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  const batch = (app: TestApp, body: unknown, key?: string) =>
    app.request('POST', '/v1/users/batch', { body, ...(key ? { key } : {}) });
  const login = (app: TestApp, email: string) =>
    app.request('POST', '/v1/account/sessions/email', { body: { email, password: PLAIN } });
  const userCount = async (app: TestApp) =>
    (await app.request('GET', '/v1/users/count')).body.total as number;
  const insertKey = async (app: TestApp, scopes: string[]) => {
    const secret = `standard_${randomUUID().replace(/-/g, '')}`;
    await app.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
      [randomUUID(), 'test', hashApiKeySecret(secret), JSON.stringify(scopes), new Date()],
    );
    return secret;
  };

  it('creates users of all seven hash algorithms and a plain password, in order, each able to log in', async () => {
    const items = await mixedItems('mix');
    const res = await batch(t, { users: items });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 8, created: 8, failed: 0, dryRun: false });
    expect(res.body.results).toEqual(
      items.map((item, index) => ({ index, status: 201, userId: item.userId })),
    );
    const hashes = ['argon2', 'argon2', 'bcrypt', 'md5', 'sha', 'phpass', 'scrypt', 'scryptMod'];
    for (const [i, item] of items.entries()) {
      const user = (await t.request('GET', `/v1/users/${String(item.userId)}`)).body;
      expect({ i, hash: user.hash }).toEqual({ i, hash: hashes[i] });
      expect((await login(t, String(item.email))).status).toBe(201);
    }
    const first = (await t.request('GET', '/v1/users/mix-plain')).body;
    expect(first).toMatchObject({ labels: ['vip', 'beta'], prefs: { theme: 'dark' }, name: 'User 0' });
    expect((await t.request('GET', '/v1/users/mix-md5')).body.emailVerification).toBe(true);
    expect((await t.request('GET', '/v1/users/mix-phpass')).body.phone).toBe('+14155550142');
  });

  it('answers each bad item with the error its single route would give, without blocking the others', async () => {
    await t.createUser({ userId: 'taken', email: 'taken@example.com' });
    const users = [
      { userId: 'ok1', email: 'ok1@example.com', password: 'password123' },
      { userId: 'bad-email', email: 'not an email', password: 'password123' },
      42,
      { userId: 'ok1', email: 'other@example.com' },
      { userId: 'taken', email: 'free@example.com' },
      { userId: 'ok2', email: 'OK1@example.com' },
      { algorithm: 'rot13', userId: 'weird', email: 'weird@example.com', password: 'x' },
      { algorithm: 'md5', userId: 'badmd5', email: 'badmd5@example.com', password: 'nothex' },
      { userId: 'batch', email: 'reserved@example.com' },
      { userId: 'ok3', email: 'taken@example.com' },
      { userId: 'ok4', phone: '+14155550199', status: false, labels: ['x'] },
    ];
    const res = await batch(t, { users });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([
      201, 400, 400, 409, 409, 409, 400, 400, 400, 409, 201,
    ]);
    expect(res.body).toMatchObject({ total: 11, created: 2, failed: 9 });
    expect(res.body.results[1].error).toEqual({
      message: expect.stringContaining('`email`'),
      code: 400,
      type: 'general_argument_invalid',
    });
    expect(res.body.results[3].error.type).toBe('user_already_exists');
    expect((await t.request('GET', '/v1/users/ok1')).body.email).toBe('ok1@example.com');
    expect((await t.request('GET', '/v1/users/ok4')).body).toMatchObject({ status: false, labels: ['x'] });
    for (const id of ['bad-email', 'ok2', 'weird', 'badmd5', 'ok3'])
      expect((await t.request('GET', `/v1/users/${id}`)).status).toBe(404);
  });

  it("keeps the source system's creation time as $createdAt and registration; the future is refused", async () => {
    const future = new Date(Date.now() + 24 * 3600_000).toISOString();
    const res = await batch(t, {
      users: [
        { userId: 'since-2019', name: 'Old', createdAt: '2019-05-04T10:00:00.000+02:00' },
        { userId: 'from-tomorrow', createdAt: future },
        { userId: 'created-now' },
      ],
    });
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 201]);
    expect(res.body.results[1].error).toMatchObject({ type: 'general_argument_invalid' });
    expect(res.body.results[1].error.message).toContain('`createdAt`');
    const old = (await t.request('GET', '/v1/users/since-2019')).body;
    expect(old).toMatchObject({
      $createdAt: '2019-05-04T08:00:00.000+00:00',
      registration: '2019-05-04T08:00:00.000+00:00',
    });
    // The record itself changed now: that is its $updatedAt.
    expect(Date.now() - Date.parse(old.$updatedAt)).toBeLessThan(60_000);
    const now = (await t.request('GET', '/v1/users/created-now')).body;
    expect(Date.now() - Date.parse(now.$createdAt)).toBeLessThan(60_000);
    // Ordering by $createdAt puts the imported user where it was in its source.
    const q = encodeURIComponent(JSON.stringify({ method: 'orderAsc', attribute: '$createdAt' }));
    const first = (await t.request('GET', `/v1/users?queries[]=${q}`)).body.users[0];
    expect(first.$id).toBe('since-2019');
    // The user as of its creation shows the same time (the replay runs the same projection).
    const asOf = (await t.request('GET', '/v1/users/since-2019?version=1')).body;
    expect(asOf.$createdAt).toBe('2019-05-04T08:00:00.000+00:00');
  });

  it('refuses a body that is not 1 to 1000 items with 400', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ userId: `m${i}` }));
    expectAppwriteError(await batch(t, { users: many }), 400, 'general_argument_invalid', /`users`/);
    expectAppwriteError(await batch(t, { users: [] }), 400, 'general_argument_invalid');
    expectAppwriteError(await batch(t, { users: { userId: 'x' } }), 400, 'general_argument_invalid');
    expectAppwriteError(await batch(t, {}), 400, 'general_argument_invalid', /users/);
    expect((await t.request('GET', '/v1/users/m0')).status).toBe(404);
  });

  it('a dry run validates everything, uniqueness against the stored users included, and writes nothing', async () => {
    const before = await userCount(t);
    const users = [
      { userId: 'dry1', email: 'dry1@example.com', password: 'password123' },
      { userId: 'dry2', email: 'TAKEN@example.com' },
      { userId: 'dry1', email: 'dry3@example.com' },
      { userId: 'batch' },
      {
        algorithm: 'md5',
        userId: 'dry4',
        email: 'dry4@example.com',
        password: '144fa7eaa4904e8ee120651997f70dcc',
      },
    ];
    const res = await batch(t, { users, dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, created: 2, failed: 3 });
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 409, 409, 400, 201]);
    expect(await userCount(t)).toBe(before);
    expect((await t.request('GET', '/v1/users/dry1')).status).toBe(404);
  });

  it('is safe to retry: a batch sent again answers 409 per user and changes nothing', async () => {
    const users = [
      { userId: 'again1', email: 'again1@example.com', password: 'password123' },
      {
        algorithm: 'md5',
        userId: 'again2',
        email: 'again2@example.com',
        password: '144fa7eaa4904e8ee120651997f70dcc',
      },
    ];
    expect((await batch(t, { users })).body.created).toBe(2);
    const before = await userCount(t);
    const again = await batch(t, { users });
    expect(again.body).toMatchObject({ created: 0, failed: 2 });
    expect(again.body.results.map((r: { error: { type: string } }) => r.error.type)).toEqual([
      'user_already_exists',
      'user_already_exists',
    ]);
    expect(await userCount(t)).toBe(before);
  });

  it('needs users.write: a users.read key is refused as on every write route', async () => {
    const key = await insertKey(t, ['users.read']);
    const res = await batch(t, { users: [{ userId: 'scoped' }] }, key);
    expectAppwriteError(res, 401, 'general_unauthorized_scope', /users\.write/);
    expect((await t.request('GET', '/v1/users/scoped')).status).toBe(404);
  });

  it('round-trips User models read with users.hashes.read into another database: same fields, same logins', async () => {
    const items = await mixedItems('trip');
    items[2].status = false;
    items[5].phone = '+14155550143';
    expect((await batch(t, { users: items })).body.created).toBe(8);
    const key = await insertKey(t, ['users.read', 'users.hashes.read']);
    const models = [];
    for (const item of items)
      models.push((await t.request('GET', `/v1/users/${String(item.userId)}`, { key })).body);

    const other = await TestApp.start();
    try {
      const res = await batch(other, { users: models });
      expect(res.body.results.filter((r: { status: number }) => r.status !== 201)).toEqual([]);
      const kept = [
        '$id',
        'name',
        'email',
        'phone',
        'labels',
        'prefs',
        'status',
        'emailVerification',
        'phoneVerification',
        'password',
        'hash',
        'hashOptions',
        '$createdAt',
        'registration',
      ];
      const pick = (m: Record<string, unknown>) => Object.fromEntries(kept.map((k) => [k, m[k]]));
      const otherKey = await insertKey(other, ['users.read', 'users.hashes.read']);
      for (const model of models) {
        const copy = (await other.request('GET', `/v1/users/${model.$id}`, { key: otherKey })).body;
        expect(pick(copy)).toEqual(pick(model));
        const status = (await login(other, model.email)).status;
        expect({ id: model.$id, status }).toEqual({ id: model.$id, status: model.status ? 201 : 403 });
      }
    } finally {
      await other.stop();
    }
  });
});
