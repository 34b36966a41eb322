import { expectAppwriteError, TestApp } from '../support/test-app';

/** Appwrite's Account model: the User model (with its ban extension) without `password`, `hash` and `hashOptions`. */
const ACCOUNT_KEYS = [
  '$id',
  '$createdAt',
  '$updatedAt',
  'name',
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

describe('account routes (a signed-in user acting on itself)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start(
      { LOGIN_RATE_LIMIT_EMAIL: '1000', LOGIN_RATE_LIMIT_IP: '1000' },
      { worker: true },
    );
  });
  afterAll(async () => {
    await t.stop();
  });

  /** A request as the holder of `secret` (no API key). */
  const as = (secret: string, method: string, path: string, body?: unknown) =>
    t.request(method, `/v1/account${path}`, { key: null, body, headers: { 'x-appwrite-session': secret } });
  const login = async (email: string, password: string): Promise<string> => {
    const res = await t.request('POST', '/v1/account/sessions/email', {
      key: null,
      body: { email, password },
    });
    expect(res.status).toBe(201);
    return /a_session_[^=]+=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
  };
  /** A user with a password and two sessions: `[user, first secret, second secret]`. */
  const userWithTwoSessions = async (email: string, password = 'password123') => {
    const user = await t.createUser({ email, password, name: 'Ada' });
    return [user, await login(email, password), await login(email, password)] as const;
  };
  const sessionIdOf = async (secret: string): Promise<string> =>
    (await as(secret, 'GET', '/sessions/current')).body.$id;

  it.each([
    ['GET', ''],
    ['GET', '/sessions'],
    ['DELETE', '/sessions'],
    ['GET', '/sessions/current'],
    ['PATCH', '/sessions/current'],
    ['DELETE', '/sessions/current'],
    ['GET', '/logs'],
    ['GET', '/prefs'],
    ['PATCH', '/prefs'],
    ['PATCH', '/name'],
    ['PATCH', '/password'],
  ])('%s /v1/account%s without a session is 401 general_unauthorized_scope', async (method, path) => {
    const res = await t.request(method, `/v1/account${path}`, {
      key: null,
      body: method === 'GET' ? undefined : {},
    });
    expectAppwriteError(res, 401, 'general_unauthorized_scope');
    expectAppwriteError(
      await as('not-a-secret', method, path, method === 'GET' ? undefined : {}),
      401,
      'general_unauthorized_scope',
    );
  });

  it('GET /v1/account answers the Account model (no password fields)', async () => {
    const [user, secret] = await userWithTwoSessions('model@example.com');
    const res = await as(secret, 'GET', '');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(ACCOUNT_KEYS);
    expect(res.body).toMatchObject({ $id: user.$id, email: 'model@example.com', prefs: {} });
  });

  it('lists its own sessions, oldest first, with `current` on the session of the request', async () => {
    const [user, first, second] = await userWithTwoSessions('list@example.com');
    await userWithTwoSessions('someone-else@example.com');
    const res = await as(second, 'GET', '/sessions');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['total', 'sessions']);
    expect(res.body.total).toBe(2);
    expect(res.body.sessions.map((s: any) => [s.userId, s.current, s.secret])).toEqual([
      [user.$id, false, ''],
      [user.$id, true, ''],
    ]);
    expect(res.body.sessions[0].$id).toBe(await sessionIdOf(first));
  });

  it('gets a session by id or `current`; another user’s session, an unknown or malformed id are refused', async () => {
    const [, first, second] = await userWithTwoSessions('get@example.com');
    const [, others] = await userWithTwoSessions('get-other@example.com');
    const firstId = await sessionIdOf(first);
    const current = await as(second, 'GET', '/sessions/current');
    expect(current.status).toBe(200);
    expect(current.body.current).toBe(true);
    const byId = await as(second, 'GET', `/sessions/${firstId}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ $id: firstId, current: false, secret: '' });
    const othersId = await sessionIdOf(others);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      expectAppwriteError(await as(second, method, `/sessions/${othersId}`), 404, 'user_session_not_found');
      expectAppwriteError(await as(second, method, '/sessions/nope'), 404, 'user_session_not_found');
      expectAppwriteError(await as(second, method, '/sessions/-bad'), 400, 'general_argument_invalid');
    }
    // The other user's session was left alone.
    expect((await as(others, 'GET', '')).status).toBe(200);
  });

  it('PATCH extends a session by SESSION_DURATION from now and records it', async () => {
    const [user, first, second] = await userWithTwoSessions('extend@example.com');
    const before = await as(second, 'GET', `/sessions/${await sessionIdOf(first)}`);
    const res = await as(second, 'PATCH', `/sessions/${before.body.$id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ $id: before.body.$id, current: false });
    expect(Date.parse(res.body.expire)).toBeGreaterThan(Date.parse(before.body.expire));
    expect(Date.parse(res.body.expire) - Date.now()).toBeGreaterThan((t.config.SESSION_DURATION - 60) * 1000);
    expect((await as(second, 'PATCH', '/sessions/current')).body.current).toBe(true);
    const logs = await t.eventually(
      async () => {
        const page = await t.request('GET', `/v1/users/${user.$id}/logs`);
        const events: string[] = page.body.logs.map((log: any) => log.event);
        return events.filter((e) => e.endsWith('.update')).length === 2 ? events : undefined;
      },
      20_000,
      'two session updates in the log',
    );
    expect(logs).toContain(`users.${user.$id}.sessions.${before.body.$id}.update`);
  });

  it('DELETE of another own session ends only that one; of `current` also expires the cookie', async () => {
    const [, first, second] = await userWithTwoSessions('delete-one@example.com');
    const res = await as(second, 'DELETE', `/sessions/${await sessionIdOf(first)}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers.get('set-cookie')).toBeNull();
    expectAppwriteError(await as(first, 'GET', ''), 401, 'general_unauthorized_scope');
    expect((await as(second, 'GET', '')).status).toBe(200);
    const out = await as(second, 'DELETE', '/sessions/current');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^a_session_test-project=; Path=\/; HttpOnly; Max-Age=0/);
    expectAppwriteError(await as(second, 'GET', ''), 401, 'general_unauthorized_scope');
  });

  it('DELETE /v1/account/sessions ends every session of the user, and only of that user', async () => {
    const [user, first, second] = await userWithTwoSessions('delete-all@example.com');
    const [, others] = await userWithTwoSessions('delete-all-other@example.com');
    const res = await as(second, 'DELETE', '/sessions');
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expectAppwriteError(await as(first, 'GET', ''), 401, 'general_unauthorized_scope');
    expectAppwriteError(await as(second, 'GET', ''), 401, 'general_unauthorized_scope');
    expect((await as(others, 'GET', '')).status).toBe(200);
    expect((await t.request('GET', `/v1/users/${user.$id}/sessions`)).body.total).toBe(0);
  });

  it('reads and replaces its prefs (64 kB at most) and answers the Account model', async () => {
    const [user, secret] = await userWithTwoSessions('prefs@example.com');
    expect((await as(secret, 'GET', '/prefs')).body).toEqual({});
    const res = await as(secret, 'PATCH', '/prefs', { prefs: { theme: 'dark', n: 1 } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(ACCOUNT_KEYS);
    expect(res.body.prefs).toEqual({ theme: 'dark', n: 1 });
    expect((await as(secret, 'GET', '/prefs')).body).toEqual({ theme: 'dark', n: 1 });
    expect((await t.request('GET', `/v1/users/${user.$id}/prefs`)).body).toEqual({ theme: 'dark', n: 1 });
    const tooLarge = { prefs: { big: 'x'.repeat(65_536) } };
    expectAppwriteError(await as(secret, 'PATCH', '/prefs', tooLarge), 400, 'general_argument_invalid');
    expectAppwriteError(await as(secret, 'PATCH', '/prefs', {}), 400, 'general_argument_invalid');
    expectAppwriteError(await as(secret, 'PATCH', '/prefs', { prefs: 'x' }), 400, 'general_argument_invalid');
    expect((await as(secret, 'GET', '/prefs')).body).toEqual({ theme: 'dark', n: 1 });
  });

  it('updates its name (1-128 characters), logged as the users route logs it', async () => {
    const [user, secret] = await userWithTwoSessions('name@example.com');
    const res = await as(secret, 'PATCH', '/name', { name: 'Ada Lovelace' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(ACCOUNT_KEYS);
    expect(res.body.name).toBe('Ada Lovelace');
    expect((await t.request('GET', `/v1/users/${user.$id}`)).body.name).toBe('Ada Lovelace');
    for (const body of [{}, { name: '' }, { name: 'x'.repeat(129) }])
      expectAppwriteError(await as(secret, 'PATCH', '/name', body), 400, 'general_argument_invalid');
    await t.eventually(
      async () => {
        const page = await t.request('GET', `/v1/users/${user.$id}/logs`);
        return page.body.logs.some((log: any) => log.event === `users.${user.$id}.update.name`) || undefined;
      },
      20_000,
      'the name change in the log',
    );
  });

  it('changes its password: old one checked, other sessions end, the current one goes on', async () => {
    const [user, first, second] = await userWithTwoSessions('password@example.com', 'old password 1');
    expectAppwriteError(
      await as(second, 'PATCH', '/password', { password: 'new password 1', oldPassword: 'wrong password' }),
      401,
      'user_invalid_credentials',
      'Invalid credentials. Please check the email and password.',
    );
    expectAppwriteError(
      await as(second, 'PATCH', '/password', { password: 'new password 1' }),
      401,
      'user_invalid_credentials',
    );
    expectAppwriteError(
      await as(second, 'PATCH', '/password', { password: 'short', oldPassword: 'old password 1' }),
      400,
      'general_argument_invalid',
    );
    expectAppwriteError(await as(second, 'PATCH', '/password', {}), 400, 'general_argument_invalid');
    expect((await as(first, 'GET', '')).status).toBe(200);

    const res = await as(second, 'PATCH', '/password', {
      password: 'new password 1',
      oldPassword: 'old password 1',
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(ACCOUNT_KEYS);
    expect(res.body.passwordUpdate).not.toBe('');
    expectAppwriteError(await as(first, 'GET', ''), 401, 'general_unauthorized_scope');
    expect((await as(second, 'GET', '')).status).toBe(200);
    const mine = await as(second, 'GET', '/sessions');
    expect(mine.body.sessions.map((s: any) => s.current)).toEqual([true]);

    // The worker revokes the ended session but not the kept one.
    await t.eventually(
      async () => {
        const listed = await t.request('GET', `/v1/users/${user.$id}/sessions`);
        return listed.body.total === 1 ? true : undefined;
      },
      20_000,
      'the other session revoked',
    );
    expect((await as(second, 'GET', '')).status).toBe(200);

    // The new password logs in, the old one no longer does.
    const third = await login('password@example.com', 'new password 1');
    const refused = await t.request('POST', '/v1/account/sessions/email', {
      key: null,
      body: { email: 'password@example.com', password: 'old password 1' },
    });
    expectAppwriteError(refused, 401, 'user_invalid_credentials');

    // Changed again from the same session: it is still the one kept; the session made in between ends.
    const again = await as(second, 'PATCH', '/password', {
      password: 'new password 2',
      oldPassword: 'new password 1',
    });
    expect(again.status).toBe(200);
    expect((await as(second, 'GET', '')).status).toBe(200);
    expectAppwriteError(await as(third, 'GET', ''), 401, 'general_unauthorized_scope');

    // A block ends the kept session too, and unblocking does not bring it back.
    await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: true } });
    expectAppwriteError(await as(second, 'GET', ''), 401, 'general_unauthorized_scope');
  });

  it('a password change through the users route (an API key) still ends every session', async () => {
    const [user, first, second] = await userWithTwoSessions('admin-password@example.com');
    await as(second, 'PATCH', '/password', { password: 'new password 1', oldPassword: 'password123' });
    expect((await as(second, 'GET', '')).status).toBe(200);
    await t.request('PATCH', `/v1/users/${user.$id}/password`, { body: { password: 'new password 2' } });
    expectAppwriteError(await as(first, 'GET', ''), 401, 'general_unauthorized_scope');
    expectAppwriteError(await as(second, 'GET', ''), 401, 'general_unauthorized_scope');
  });

  it('a user created without a password sets one without oldPassword', async () => {
    const user = await t.createUser({ email: 'no-password@example.com' });
    const created = await t.request('POST', `/v1/users/${user.$id}/sessions`);
    const secret: string = created.body.secret;
    const res = await as(secret, 'PATCH', '/password', { password: 'first password' });
    expect(res.status).toBe(200);
    expect((await as(secret, 'GET', '')).status).toBe(200);
    await login('no-password@example.com', 'first password');
    expectAppwriteError(
      await as(secret, 'PATCH', '/password', { password: 'second password' }),
      401,
      'user_invalid_credentials',
    );
  });

  it('lists its own activity log, newest first, with limit/offset queries and total=false', async () => {
    const [user, secret] = await userWithTwoSessions('logs@example.com');
    await as(secret, 'PATCH', '/name', { name: 'Logged' });
    const page = await t.eventually(
      async () => {
        const res = await as(secret, 'GET', '/logs');
        return res.body.logs?.length === 4 ? res : undefined;
      },
      20_000,
      'four logs',
    );
    expect(page.status).toBe(200);
    expect(Object.keys(page.body)).toEqual(['total', 'logs']);
    expect(page.body.total).toBe(4);
    expect(page.body.logs[0].event).toBe(`users.${user.$id}.update.name`);
    // Done by the user itself (Appwrite's actor of an account route), not by a key.
    expect(page.body.logs[0]).toMatchObject({ userId: user.$id, mode: 'default', userType: 'user' });
    expect(page.body.logs[3]).toMatchObject({ mode: 'admin', userType: 'keyProject' });
    expect(page.body.logs[3].event).toBe(`users.${user.$id}.create`);
    const q = (o: unknown) => `queries[]=${encodeURIComponent(JSON.stringify(o))}`;
    const paged = await as(
      secret,
      'GET',
      `/logs?${q({ method: 'limit', values: [1] })}&${q({ method: 'offset', values: [3] })}`,
    );
    expect(paged.body.logs.map((log: any) => log.event)).toEqual([`users.${user.$id}.create`]);
    expect(paged.body.total).toBe(4);
    expect((await as(secret, 'GET', '/logs?total=false')).body.total).toBe(0);
    expectAppwriteError(
      await as(secret, 'GET', `/logs?${q({ method: 'equal', attribute: 'event', values: ['x'] })}`),
      400,
      'general_argument_invalid',
    );
  });
});

describe('PATCH /v1/account/password and the login limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_RATE_LIMIT_EMAIL: '2', LOGIN_RATE_LIMIT_IP: '1000' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('counts wrong old passwords like failed logins: 429 with Retry-After once used up', async () => {
    const user = await t.createUser({ email: 'guess@example.com', password: 'password123' });
    const { secret } = (await t.request('POST', `/v1/users/${user.$id}/sessions`)).body;
    const change = (oldPassword: string) =>
      t.request('PATCH', '/v1/account/password', {
        key: null,
        headers: { 'x-appwrite-session': secret },
        body: { password: 'new password 1', oldPassword },
      });
    expect((await change('wrong 1')).status).toBe(401);
    expect((await change('wrong 2')).status).toBe(401);
    const limited = await change('password123');
    expectAppwriteError(limited, 429, 'general_rate_limit_exceeded');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
