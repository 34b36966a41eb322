import { createHash } from 'node:crypto';
import { BOOTSTRAP_KEY, expectAppwriteError, PROJECT, TestApp } from '../support/test-app';

const SESSION_KEYS = [
  '$id',
  '$createdAt',
  '$updatedAt',
  'userId',
  'expire',
  'provider',
  'providerUid',
  'providerAccessToken',
  'providerAccessTokenExpiry',
  'providerRefreshToken',
  'ip',
  'osCode',
  'osName',
  'osVersion',
  'clientType',
  'clientCode',
  'clientName',
  'clientVersion',
  'clientEngine',
  'clientEngineVersion',
  'deviceName',
  'deviceBrand',
  'deviceModel',
  'countryCode',
  'countryName',
  'current',
  'factors',
  'secret',
  'mfaUpdatedAt',
];
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_RATE_LIMIT_EMAIL: '5', LOGIN_RATE_LIMIT_IP: '1000' });
  });
  afterAll(async () => {
    await t.stop();
  });

  const login = (
    email: string,
    password: string,
    options: { key?: string | null; headers?: Record<string, string> } = {},
  ) =>
    t.request('POST', '/v1/account/sessions/email', {
      body: { email, password },
      key: options.key ?? null,
      headers: options.headers,
    });
  const account = (secret: string) =>
    t.request('GET', '/v1/account', { key: null, headers: { 'x-appwrite-session': secret } });

  it('logs in with email and password: session model, cookie, device fields; no secret without a key', async () => {
    const user = await t.createUser({ email: 'login@example.com', password: 'password123', name: 'Lo' });
    const res = await login('LOGIN@example.com', 'password123', { headers: { 'user-agent': CHROME } });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(SESSION_KEYS);
    expect(res.body).toMatchObject({
      userId: user.$id,
      provider: 'email',
      providerUid: 'login@example.com',
      current: true,
      secret: '',
      factors: ['password'],
      ip: '127.0.0.1',
      osName: 'Windows',
      clientName: 'Chrome',
      clientType: 'browser',
      deviceName: 'desktop',
      countryCode: '--',
      countryName: 'Unknown',
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      new RegExp(`^a_session_${PROJECT}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Expires=`),
    );
    const secret = cookie.split(';')[0].split('=')[1];
    const me = await t.request('GET', '/v1/account', {
      key: null,
      headers: { cookie: `a_session_${PROJECT}=${secret}` },
    });
    expect(me.status).toBe(200);
    expect(me.body.$id).toBe(user.$id);
    // Appwrite's Account model has no password fields at all.
    expect(me.body).not.toHaveProperty('password');
    expect(me.body).not.toHaveProperty('hash');
  });

  it('returns the secret when the login carries an API key, and stores only its SHA-256', async () => {
    await t.createUser({ email: 'keyed@example.com', password: 'password123' });
    const res = await login('keyed@example.com', 'password123', { key: BOOTSTRAP_KEY });
    expect(res.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [rows] = await t.db.query('SELECT secret_hash FROM sessions WHERE id = ?', [res.body.$id]);
    expect((rows as Array<{ secret_hash: string }>)[0].secret_hash).toBe(
      createHash('sha256').update(res.body.secret).digest('hex'),
    );
    const [events] = await t.db.query('SELECT COUNT(*) AS n FROM events WHERE data LIKE ?', [
      `%${res.body.secret}%`,
    ]);
    expect((events as Array<{ n: number }>)[0].n).toBe(0);
    expect((await account(res.body.secret)).status).toBe(200);
    const current = await t.request('GET', '/v1/account/sessions/current', {
      key: null,
      headers: { 'x-appwrite-session': res.body.secret },
    });
    expect(current.body).toMatchObject({ $id: res.body.$id, current: true, secret: '' });
  });

  it('answers wrong password and unknown email alike, 401 user_invalid_credentials', async () => {
    await t.createUser({ email: 'alike@example.com', password: 'password123' });
    const wrong = await login('alike@example.com', 'password124');
    const unknown = await login('nobody-here@example.com', 'password123');
    expectAppwriteError(wrong, 401, 'user_invalid_credentials');
    expectAppwriteError(unknown, 401, 'user_invalid_credentials');
    expect(unknown.body.message).toBe(wrong.body.message);
    const noPassword = await t.createUser({ email: 'nopass@example.com' });
    expect(noPassword.password).toBeNull();
    expectAppwriteError(await login('nopass@example.com', 'password123'), 401, 'user_invalid_credentials');
  });

  it('refuses a blocked user with 403 user_blocked (after a correct password only), 401 for formats before 1.9.0', async () => {
    const user = await t.createUser({ email: 'blocked@example.com', password: 'password123' });
    await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    expectAppwriteError(await login('blocked@example.com', 'password123'), 403, 'user_blocked');
    expectAppwriteError(
      await login('blocked@example.com', 'password123', {
        headers: { 'x-appwrite-response-format': '1.9.5' },
      }),
      403,
      'user_blocked',
    );
    expectAppwriteError(
      await login('blocked@example.com', 'password123', {
        headers: { 'x-appwrite-response-format': '1.8.1' },
      }),
      401,
      'user_blocked',
    );
    expectAppwriteError(
      await login('blocked@example.com', 'wrong-password'),
      401,
      'user_invalid_credentials',
    );
  });

  it('limits failed attempts per email with 429, and a success resets the count', async () => {
    await t.createUser({ email: 'limited@example.com', password: 'password123' });
    for (let i = 0; i < 4; i++) expect((await login('limited@example.com', 'bad-password')).status).toBe(401);
    expect((await login('limited@example.com', 'password123')).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await login('limited@example.com', 'bad-password')).status).toBe(401);
    const limited = await login('limited@example.com', 'password123');
    expectAppwriteError(limited, 429, 'general_rate_limit_exceeded');
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  });

  it('validates params of the login', async () => {
    expectAppwriteError(
      await t.request('POST', '/v1/account/sessions/email', { key: null, body: { email: 'x@example.com' } }),
      400,
      'general_argument_invalid',
      'Param "password" is not optional.',
    );
    expectAppwriteError(await login('not-an-email', 'password123'), 400, 'general_argument_invalid');
    expectAppwriteError(
      await t.request('POST', '/v1/account/sessions/email', { key: null, project: 'other', body: {} }),
      404,
      'project_not_found',
    );
  });

  it('refuses unknown, malformed and missing secrets with 401', async () => {
    expectAppwriteError(await account('not-a-real-secret'), 401, 'general_unauthorized_scope');
    expectAppwriteError(await account('x'.repeat(5000)), 401, 'general_unauthorized_scope');
    expectAppwriteError(
      await t.request('GET', '/v1/account', { key: null }),
      401,
      'general_unauthorized_scope',
    );
  });

  it('creates a server session with its secret, lists sessions without secrets, revokes one and all', async () => {
    const user = await t.createUser({ email: 'admin-s@example.com', password: 'password123' });
    const created = await t.request('POST', `/v1/users/${user.$id}/sessions`, { body: {} });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      userId: user.$id,
      provider: 'server',
      factors: ['server'],
      current: false,
    });
    expect(created.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = (await t.request('POST', `/v1/users/${user.$id}/sessions`, { body: {} })).body;
    const list = await t.request('GET', `/v1/users/${user.$id}/sessions`);
    expect(list.body.total).toBe(2);
    expect(list.body.sessions.map((s: { $id: string }) => s.$id)).toEqual([created.body.$id, second.$id]);
    expect(list.body.sessions.every((s: { secret: string }) => s.secret === '')).toBe(true);

    expect(
      (await t.request('DELETE', `/v1/users/${user.$id}/sessions/${created.body.$id}`, { body: {} })).status,
    ).toBe(204);
    expectAppwriteError(await account(created.body.secret), 401, 'general_unauthorized_scope');
    expectAppwriteError(
      await t.request('DELETE', `/v1/users/${user.$id}/sessions/${created.body.$id}`, { body: {} }),
      404,
      'user_session_not_found',
    );
    expect((await account(second.secret)).status).toBe(200);
    expect((await t.request('DELETE', `/v1/users/${user.$id}/sessions`, { body: {} })).status).toBe(204);
    expectAppwriteError(await account(second.secret), 401, 'general_unauthorized_scope');
    expect((await t.request('GET', `/v1/users/${user.$id}/sessions`)).body).toEqual({
      total: 0,
      sessions: [],
    });
  });

  it("refuses to revoke another user's session through this user (404 user_session_not_found)", async () => {
    const a = await t.createUser({});
    const b = await t.createUser({});
    const bs = (await t.request('POST', `/v1/users/${b.$id}/sessions`, { body: {} })).body;
    expectAppwriteError(
      await t.request('DELETE', `/v1/users/${a.$id}/sessions/${bs.$id}`, { body: {} }),
      404,
      'user_session_not_found',
    );
    expect((await account(bs.secret)).status).toBe(200);
  });

  it('answers 404 user_not_found on the session routes of an unknown user', async () => {
    expectAppwriteError(await t.request('GET', '/v1/users/ghost/sessions'), 404, 'user_not_found');
    expectAppwriteError(
      await t.request('POST', '/v1/users/ghost/sessions', { body: {} }),
      404,
      'user_not_found',
    );
    expectAppwriteError(
      await t.request('DELETE', '/v1/users/ghost/sessions', { body: {} }),
      404,
      'user_not_found',
    );
  });

  it('logs out: the session is refused afterwards', async () => {
    await t.createUser({ email: 'logout@example.com', password: 'password123' });
    const { secret } = (await login('logout@example.com', 'password123', { key: BOOTSTRAP_KEY })).body;
    const out = await t.request('DELETE', '/v1/account/sessions/current', {
      key: null,
      body: {},
      headers: { 'x-appwrite-session': secret },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(`a_session_${PROJECT}=; Path=/; HttpOnly; Max-Age=0`);
    expectAppwriteError(await account(secret), 401, 'general_unauthorized_scope');
  });

  it('refuses at once, without any worker, the sessions of a blocked or deleted user and those older than a password change', async () => {
    const user = await t.createUser({ email: 'instant@example.com', password: 'password123' });
    const s1 = (await t.request('POST', `/v1/users/${user.$id}/sessions`, { body: {} })).body.secret;
    await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    expectAppwriteError(await account(s1), 403, 'user_blocked');
    const oldSdk = await t.request('GET', '/v1/account', {
      key: null,
      headers: { 'x-appwrite-session': s1, 'x-appwrite-response-format': '1.6.0' },
    });
    expectAppwriteError(oldSdk, 401, 'user_blocked');
    await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: true } });
    // Unblocking never revives a session the block ended.
    expectAppwriteError(await account(s1), 401, 'general_unauthorized_scope');
    const s1b = (await t.request('POST', `/v1/users/${user.$id}/sessions`, { body: {} })).body.secret;
    expect((await account(s1b)).status).toBe(200);
    await t.request('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'a new password' } });
    expectAppwriteError(await account(s1b), 401, 'general_unauthorized_scope');
    const s2 = (await login('instant@example.com', 'a new password', { key: BOOTSTRAP_KEY })).body.secret;
    expect((await account(s2)).status).toBe(200);
    await t.request('DELETE', `/v1/users/${user.$id}`, { body: {} });
    expectAppwriteError(await account(s2), 401, 'general_unauthorized_scope');
  });

  it('never lets a session act as a later user with the same id (defect: reuse1 answered as the new account)', async () => {
    await t.createUser({ userId: 'reuse1', email: 'reuse1@example.com', password: 'password123' });
    const old = (await login('reuse1@example.com', 'password123', { key: BOOTSTRAP_KEY })).body.secret;
    expect((await account(old)).status).toBe(200);
    expect((await t.request('DELETE', '/v1/users/reuse1', { body: {} })).status).toBe(204);
    await t.createUser({ userId: 'reuse1' });
    expectAppwriteError(await account(old), 401, 'general_unauthorized_scope');
    // The new user's own sessions work, and the old one stays dead even once the new user is blocked and back.
    const fresh = (await t.request('POST', '/v1/users/reuse1/sessions', { body: {} })).body.secret;
    expect((await account(fresh)).body.$id).toBe('reuse1');
    await t.request('PATCH', '/v1/users/reuse1/status', { body: { status: false } });
    await t.request('PATCH', '/v1/users/reuse1/status', { body: { status: true } });
    expectAppwriteError(await account(old), 401, 'general_unauthorized_scope');
    expectAppwriteError(await account(fresh), 401, 'general_unauthorized_scope');
  });

  it('keeps sessions through a password re-hash and other changes that do not end them', async () => {
    const user = await t.createUser({ email: 'keeps@example.com', password: 'password123' });
    const s = (await login('keeps@example.com', 'password123', { key: BOOTSTRAP_KEY })).body.secret;
    await t.request('PATCH', `/v1/users/${user.$id}/name`, { body: { name: 'Renamed' } });
    await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: true } });
    await t.request('PUT', `/v1/users/${user.$id}/labels`, { body: { labels: ['a'] } });
    expect((await account(s)).status).toBe(200);
  });

  it('keeps at most SESSION_LIMIT live sessions, revoking the oldest', async () => {
    const user = await t.createUser({});
    const secrets: string[] = [];
    for (let i = 0; i < 12; i++)
      secrets.push((await t.request('POST', `/v1/users/${user.$id}/sessions`, { body: {} })).body.secret);
    expect((await t.request('GET', `/v1/users/${user.$id}/sessions`)).body.total).toBe(10);
    expectAppwriteError(await account(secrets[0]), 401, 'general_unauthorized_scope');
    expectAppwriteError(await account(secrets[1]), 401, 'general_unauthorized_scope');
    expect((await account(secrets[2])).status).toBe(200);
  });

  it('refuses expired sessions', async () => {
    const user = await t.createUser({});
    const s = (await t.request('POST', `/v1/users/${user.$id}/sessions`, { body: {} })).body;
    await t.db.query('UPDATE sessions SET expire = NOW(3) - INTERVAL 1 SECOND WHERE id = ?', [s.$id]);
    expectAppwriteError(await account(s.secret), 401, 'general_unauthorized_scope');
  });
});
