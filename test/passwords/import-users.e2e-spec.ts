import { createHash, scryptSync } from 'node:crypto';
import * as argon2 from 'argon2';
import * as bcrypt from 'bcrypt';
import { Account, AppwriteException, Client, Users } from 'node-appwrite';
import { BOOTSTRAP_KEY, expectAppwriteError, PROJECT, TestApp } from '../support/test-app';

const PLAIN = 'appwrite';
const sha = (algorithm: string) => createHash(algorithm).update(PLAIN).digest('hex');

/** One user per algorithm and variant, each hash made by that algorithm's reference implementation. */
const IMPORTS: Array<[string, string, Record<string, unknown>]> = [
  [
    'argon2i (Appwrite fixture)',
    'argon2',
    { password: '$argon2i$v=19$m=20,t=3,p=2$YXBwd3JpdGU$A/54i238ed09ZR4NwlACU5XnkjNBZU9QeOEuhjLiexI' },
  ],
  ['argon2id (node-argon2, m,p,t order)', 'argon2', { password: '' }],
  ['bcrypt $2b$', 'bcrypt', { password: bcrypt.hashSync(PLAIN, 4) }],
  ['bcrypt $2y$ (PHP)', 'bcrypt', { password: bcrypt.hashSync(PLAIN, 4).replace(/^\$2b\$/, '$2y$') }],
  ['md5', 'md5', { password: '144fa7eaa4904e8ee120651997f70dcc' }],
  ['phpass $P$', 'phpass', { password: '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.' }],
  ['sha1', 'sha', { password: sha('sha1'), passwordVersion: 'sha1' }],
  ['sha256 (default version)', 'sha', { password: sha('sha256') }],
  ['sha512/256', 'sha', { password: sha('sha512-256'), passwordVersion: 'sha512/256' }],
  ['sha512', 'sha', { password: sha('sha512'), passwordVersion: 'sha512' }],
  ['sha3-384', 'sha', { password: sha('sha3-384'), passwordVersion: 'sha3-384' }],
  [
    'scrypt',
    'scrypt',
    {
      password: scryptSync(PLAIN, 'appwrite', 64, { N: 16384, r: 8, p: 1 }).toString('hex'),
      passwordSalt: 'appwrite',
      passwordCpu: 16384,
      passwordMemory: 8,
      passwordParallel: 1,
      passwordLength: 64,
    },
  ],
  [
    'scrypt-modified (Firebase)',
    'scrypt-modified',
    {
      password: 'UlM7JiXRcQhzAGlaonpSqNSLIz475WMddOgLjej5De9vxTy48K6WtqlEzrRFeK4t0COfMhWCb8wuMHgxOFCHFQ==',
      passwordSalt: 'UxLMreBr6tYyjQ==',
      passwordSaltSeparator: 'Bw==',
      passwordSignerKey:
        'XyEKE9RcTDeLEsL/RjwPDBv/RqDl8fb3gpYEOQaPihbxf1ZAtSOHCjuAAa7Q3oHpCYhXSN9tizHgVOwn6krflQ==',
    },
  ],
];

describe('importing users with hashes from other systems', () => {
  let t: TestApp;
  let account: Account;
  beforeAll(async () => {
    IMPORTS[1][2].password = await argon2.hash(PLAIN, {
      type: argon2.argon2id,
      memoryCost: 4096,
      timeCost: 2,
      parallelism: 1,
    });
    t = await TestApp.start({}, { worker: true });
    account = new Account(new Client().setEndpoint(`${t.url}/v1`).setProject(PROJECT).setKey(BOOTSTRAP_KEY));
  });
  afterAll(async () => {
    await t.stop();
  });

  it.each(IMPORTS)(
    '%s: logs in through the SDK, is upgraded to argon2id, logs in again',
    async (_label, route, body) => {
      const email = `${route}-${Math.random().toString(36).slice(2)}@example.com`;
      const res = await t.request('POST', `/v1/users/${route}`, {
        body: { userId: 'unique()', email, ...body },
      });
      expect(res.status).toBe(201);
      expect(res.body.hash).toBe(route === 'scrypt-modified' ? 'scryptMod' : route);
      expect(res.body.passwordUpdate).not.toBe('');

      await expect(account.createEmailPasswordSession({ email, password: 'appwritf' })).rejects.toMatchObject(
        {
          code: 401,
          type: 'user_invalid_credentials',
        },
      );
      const first = await account.createEmailPasswordSession({ email, password: PLAIN });
      expect(first.userId).toBe(res.body.$id);

      const upgraded = (await t.request('GET', `/v1/users/${res.body.$id}`)).body;
      expect(upgraded.hash).toBe('argon2');
      expect(upgraded.password).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      expect(upgraded.hashOptions).toEqual({ type: 'argon2', memory_cost: 19456, time_cost: 2, threads: 1 });
      expect(upgraded.passwordUpdate).toBe(res.body.passwordUpdate);

      const second = await account.createEmailPasswordSession({ email, password: PLAIN });
      expect(second.userId).toBe(res.body.$id);
      await expect(
        account.createEmailPasswordSession({ email, password: 'appwritf' }),
      ).rejects.toBeInstanceOf(AppwriteException);
      // The upgrade is not a password change: the first session is still valid, even after the workers ran.
      await t.eventually(
        async () => (await t.request('GET', `/v1/users/${res.body.$id}/logs`)).body.total >= 4,
      );
      const me = await t.request('GET', '/v1/account', {
        key: null,
        headers: { 'x-appwrite-session': first.secret },
      });
      expect(me.status).toBe(200);
    },
  );

  it('creates each import through the SDK methods', async () => {
    const users = new Users(
      new Client().setEndpoint(`${t.url}/v1`).setProject(PROJECT).setKey(BOOTSTRAP_KEY),
    );
    const md5 = await users.createMD5User({
      userId: 'sdk-md5',
      email: 'sdk-md5@example.com',
      password: IMPORTS[4][2].password as string,
    });
    expect(md5.hash).toBe('md5');
    const shaUser = await users.createSHAUser({
      userId: 'sdk-sha',
      email: 'sdk-sha@example.com',
      password: sha('sha512'),
      passwordVersion: 'sha512' as never,
    });
    expect(shaUser.hashOptions).toEqual({ version: 'sha512' });
    const scrypt = await users.createScryptUser({
      userId: 'sdk-scrypt',
      email: 'sdk-scrypt@example.com',
      password: IMPORTS[11][2].password as string,
      passwordSalt: 'appwrite',
      passwordCpu: 16384,
      passwordMemory: 8,
      passwordParallel: 1,
      passwordLength: 64,
    });
    expect(scrypt.hashOptions).toEqual({
      type: 'scrypt',
      salt: 'appwrite',
      costCpu: 16384,
      costMemory: 8,
      costParallel: 1,
      length: 64,
    });
    const session = await account.createEmailPasswordSession({
      email: 'sdk-scrypt@example.com',
      password: PLAIN,
    });
    expect(session.userId).toBe('sdk-scrypt');
  });

  it.each([
    ['sha', { password: sha('sha256'), passwordVersion: 'sha4' }, /passwordVersion/],
    ['sha', { password: 'abc123abc123' }, /^Invalid `password` param/],
    [
      'scrypt',
      {
        password: 'ab'.repeat(64),
        passwordSalt: 's',
        passwordCpu: 1000,
        passwordMemory: 8,
        passwordParallel: 1,
        passwordLength: 64,
      },
      /passwordCpu/,
    ],
    [
      'scrypt',
      {
        password: 'ab'.repeat(64),
        passwordCpu: 16384,
        passwordMemory: 8,
        passwordParallel: 1,
        passwordLength: 64,
      },
      'Param "passwordSalt" is not optional.',
    ],
    [
      'scrypt-modified',
      {
        password: 'abcdefgh',
        passwordSalt: 'not base64!',
        passwordSaltSeparator: 'Bw==',
        passwordSignerKey: 'Bw==',
      },
      /passwordSalt/,
    ],
    ['bcrypt', { password: 'not-a-bcrypt-hash' }, /^Invalid `password` param/],
    ['argon2', { password: 'not-an-argon2-hash' }, /^Invalid `password` param/],
    ['md5', { password: 'z'.repeat(32) }, /^Invalid `password` param/],
    ['md5', { password: '144fa7eaa4904e8ee120651997f70dcc' }, 'Param "email" is not optional.'],
  ])('POST /v1/users/%s refuses bad parameters with 400, never 500 (%#)', async (route, body, message) => {
    const withEmail =
      message === 'Param "email" is not optional.'
        ? body
        : { email: `bad-${Math.random()}@example.com`, ...body };
    const res = await t.request('POST', `/v1/users/${route}`, { body: { userId: 'unique()', ...withEmail } });
    expectAppwriteError(res, 400, 'general_argument_invalid', message);
  });

  it('answers 409 user_already_exists for a taken email on import', async () => {
    await t.request('POST', '/v1/users/md5', {
      body: { userId: 'unique()', email: 'twice@example.com', password: IMPORTS[4][2].password },
    });
    const again = await t.request('POST', '/v1/users/md5', {
      body: { userId: 'unique()', email: 'twice@example.com', password: IMPORTS[4][2].password },
    });
    expectAppwriteError(again, 409, 'user_already_exists');
  });

  it('verify-password answers verified true/false, 404 for an unknown user, and counts failures', async () => {
    const user = (
      await t.request('POST', '/v1/users/md5', {
        body: { userId: 'unique()', email: 'verify@example.com', password: IMPORTS[4][2].password },
      })
    ).body;
    const verify = (password: string) =>
      t.request('POST', `/v1/users/${user.$id}/verify-password`, { body: { password } });
    expect((await verify(PLAIN)).body).toEqual({ verified: true });
    expect((await verify('appwritf')).body).toEqual({ verified: false });
    // Verifying does not upgrade the hash: only a login does.
    expect((await t.request('GET', `/v1/users/${user.$id}`)).body.hash).toBe('md5');
    expectAppwriteError(
      await t.request('POST', '/v1/users/nobody/verify-password', { body: { password: PLAIN } }),
      404,
      'user_not_found',
    );
    for (let i = 0; i < 9; i++) await verify('appwritf');
    const limited = await verify(PLAIN);
    expectAppwriteError(limited, 429, 'general_rate_limit_exceeded');
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  });

  it('reports users per algorithm and how many still wait for an upgrade', async () => {
    const stats = await t.request('GET', '/v1/users/hashes');
    expect(stats.status).toBe(200);
    const byAlgorithm = Object.fromEntries(
      (stats.body.hashes as Array<{ algorithm: string; current: boolean; users: number }>)
        .filter((h) => !h.current)
        .map((h) => [h.algorithm, h.users]),
    );
    expect(byAlgorithm.md5).toBeGreaterThanOrEqual(2);
    expect(byAlgorithm.sha).toBeGreaterThanOrEqual(1);
    const current = stats.body.hashes.find((h: { current: boolean }) => h.current);
    expect(current).toMatchObject({ algorithm: 'argon2', parameters: 'm=19456,p=1,t=2' });
    expect(current.users).toBeGreaterThanOrEqual(IMPORTS.length);
    expect(stats.body.pending).toBe(stats.body.total - current.users);
  });
});
