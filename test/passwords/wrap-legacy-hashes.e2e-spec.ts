import { TEST_DATA_KEY } from '../support/processes';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import type { RowDataPacket } from 'mysql2/promise';
import { expectAppwriteError, TestApp } from '../support/test-app';

const run = promisify(execFile);
const PLAIN = 'appwrite';
const hex = (algorithm: string) => createHash(algorithm).update(PLAIN).digest('hex');
const PHPASS = '$P$Br387rwferoKN7uwHZqNMu98q3U8RO.';
const BCRYPT = '$2y$04$Niwa.kSQ5qJLXY72uPDbq.ESM0qQdSPGIu/.dW5MueHOfq8GBaSRi';

describe('eager wrap of fast legacy hashes in argon2id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({}, { worker: true });
  });
  afterAll(async () => {
    await t.stop();
  });

  const imported = async (route: string, email: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', `/v1/users/${route}`, {
      body: { userId: 'unique()', email, ...body },
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const login = (email: string, password: string) =>
    t.request('POST', '/v1/account/sessions/email', { key: null, body: { email, password } });
  const wrap = (body: unknown = {}) => t.request('POST', '/v1/users/hashes/wrap', { body });
  const count = async (sql: string, params: unknown[] = []) => {
    const [rows] = await t.db.query<RowDataPacket[]>(sql, params);
    return Number(rows[0].n);
  };

  it('wraps MD5, SHA and PHPass users in batches, keeps sessions and passwordUpdate, and logs them in', async () => {
    const md5 = await imported('md5', 'w-md5@example.com', { password: hex('md5') });
    const sha256 = await imported('sha', 'w-sha256@example.com', { password: hex('sha256') });
    const sha512 = await imported('sha', 'w-sha512@example.com', {
      password: hex('sha512'),
      passwordVersion: 'sha512',
    });
    const phpass = await imported('phpass', 'w-phpass@example.com', { password: PHPASS });
    const bcrypt = await imported('bcrypt', 'w-bcrypt@example.com', { password: BCRYPT });
    const session = await t.request('POST', `/v1/users/${md5.$id}/sessions`, { body: {} });

    expect((await wrap({ limit: 2 })).body).toEqual({ wrapped: 2, remaining: 2 });
    expect((await wrap()).body).toEqual({ wrapped: 2, remaining: 0 });
    expect((await wrap()).body).toEqual({ wrapped: 0, remaining: 0 });

    const after = (await t.request('GET', `/v1/users/${md5.$id}`)).body;
    expect(after).toMatchObject({
      hash: 'argon2',
      hashOptions: {
        type: 'argon2',
        memory_cost: 19456,
        time_cost: 2,
        threads: 1,
        wrapped: { hash: 'md5', hashOptions: { type: 'md5' } },
      },
      passwordUpdate: md5.passwordUpdate,
    });
    expect(after.password).toMatch(/^\$argon2id\$v=19\$m=19456,/);
    expect((await t.request('GET', `/v1/users/${phpass.$id}`)).body.hashOptions.wrapped).toEqual({
      hash: 'phpass',
      hashOptions: phpass.hashOptions,
      setting: PHPASS.slice(0, 12),
    });
    expect((await t.request('GET', `/v1/users/${bcrypt.$id}`)).body.hash).toBe('bcrypt');
    expect(await count("SELECT COUNT(*) AS n FROM events WHERE type = 'user.password.rehashed'")).toBe(4);

    const stats = (await t.request('GET', '/v1/users/hashes')).body;
    const wrappedRows = stats.hashes.filter((h: { wrapped: string | null }) => h.wrapped !== null);
    expect(
      Object.fromEntries(wrappedRows.map((h: { wrapped: string; users: number }) => [h.wrapped, h.users])),
    ).toEqual({ md5: 1, sha: 2, phpass: 1 });
    for (const row of wrappedRows) expect(row).toMatchObject({ algorithm: 'argon2', current: false });
    expect(stats.pending).toBe(5);

    // The worker has seen the events (each has its activity-log row), and the session is still valid.
    await t.eventually(
      async () =>
        (await count(
          `SELECT COUNT(*) AS n FROM activity_logs l JOIN events e ON e.id = l.event_id
            WHERE e.type = 'user.password.rehashed'`,
        )) === 4,
    );
    const account = await t.request('GET', '/v1/account', {
      key: null,
      headers: { 'x-appwrite-session': session.body.secret },
    });
    expect(account.status).toBe(200);

    // The old hash is no password; the password is, and its login stores a plain argon2id hash.
    expectAppwriteError(await login('w-md5@example.com', hex('md5')), 401, 'user_invalid_credentials');
    expectAppwriteError(await login('w-md5@example.com', 'appwritf'), 401, 'user_invalid_credentials');
    for (const user of [md5, sha256, sha512, phpass]) {
      expect((await login(user.email, PLAIN)).status).toBe(201);
      const upgraded = (await t.request('GET', `/v1/users/${user.$id}`)).body;
      expect(upgraded.hashOptions).toEqual({ type: 'argon2', memory_cost: 19456, time_cost: 2, threads: 1 });
      expect((await login(user.email, PLAIN)).status).toBe(201);
    }
    const final = (await t.request('GET', '/v1/users/hashes')).body;
    expect(final.hashes.filter((h: { wrapped: string | null }) => h.wrapped !== null)).toEqual([]);
  });

  it('refuses a bad limit with 400', async () => {
    expectAppwriteError(await wrap({ limit: 0 }), 400, 'general_argument_invalid', /limit/);
    expectAppwriteError(await wrap({ limit: 'many' }), 400, 'general_argument_invalid', /limit/);
    expectAppwriteError(
      await t.request('POST', '/v1/users/hashes/wrap', { body: {}, key: null }),
      401,
      'general_unauthorized_scope',
    );
  });

  it('npm run passwords:wrap-legacy wraps every batch and reports progress', async () => {
    for (let i = 0; i < 3; i++) await imported('md5', `script-${i}@example.com`, { password: hex('md5') });
    // The built script (the global setup builds dist/), as `npm run passwords:wrap-legacy -- --batch 2` runs it.
    const { stdout } = await run(process.execPath, ['dist/scripts/wrap-legacy-hashes.js', '--batch', '2'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: t.config.DATABASE_URL,
        REDIS_URL: t.config.REDIS_URL,
        QUEUE_PREFIX: t.config.QUEUE_PREFIX,
        DATA_KEY: TEST_DATA_KEY,
      },
      timeout: 60_000,
    });
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { wrapped: 2, remaining: 1 },
      { wrapped: 3, remaining: 0 },
    ]);
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE hash = 'md5'")).toBe(0);
  });
});
