import { createHash } from 'node:crypto';
import { expectAppwriteError, TestApp } from '../support/test-app';

describe('tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_RATE_LIMIT_EMAIL: '5', LOGIN_RATE_LIMIT_IP: '1000' }, { worker: true });
  });
  afterAll(async () => {
    await t.stop();
  });

  const createToken = (userId: string, body: Record<string, unknown> = {}) =>
    t.request('POST', `/v1/users/${userId}/tokens`, { body });
  const exchange = (userId: string, secret: string, key: string | null = null) =>
    t.request('POST', '/v1/account/sessions/token', { key: key ?? null, body: { userId, secret } });

  it('users.createToken: Token model with the secret, defaults 6 characters and 15 minutes', async () => {
    const user = await t.createUser({});
    const before = Date.now();
    const res = await createToken(user.$id);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['$id', '$createdAt', 'userId', 'secret', 'expire', 'phrase']);
    expect(res.body).toMatchObject({ userId: user.$id, phrase: '' });
    expect(res.body.secret).toMatch(/^[0-9a-f]{6}$/);
    const lifetime = Date.parse(res.body.expire) - Date.parse(res.body.$createdAt);
    expect(Math.abs(lifetime - 900_000)).toBeLessThan(2000);
    expect(Date.parse(res.body.$createdAt)).toBeGreaterThanOrEqual(before - 1000);

    const long = await createToken(user.$id, { length: 128, expire: 31536000 });
    expect(long.status).toBe(201);
    expect(long.body.secret).toMatch(/^[0-9a-f]{128}$/);
    expect((await createToken(user.$id, { length: 15 })).body.secret).toHaveLength(15);
  });

  it('users.createToken: bad params 400, unknown user 404, needs a key with users.write', async () => {
    const user = await t.createUser({});
    for (const body of [
      { length: 3 },
      { length: 129 },
      { expire: 59 },
      { expire: 31536001 },
      { length: 'x' },
    ])
      expectAppwriteError(await createToken(user.$id, body), 400, 'general_argument_invalid');
    expectAppwriteError(await createToken('nosuchuser'), 404, 'user_not_found');
    const guest = await t.request('POST', `/v1/users/${user.$id}/tokens`, { key: null, body: {} });
    expectAppwriteError(guest, 401, 'general_unauthorized_scope');
  });

  it('exchanges a token once for a session (provider and factor `token`) that works; twice is 401', async () => {
    const user = await t.createUser({ email: 'token1@example.com' });
    const token = (await createToken(user.$id)).body;
    const res = await exchange(user.$id, token.secret);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userId: user.$id,
      provider: 'token',
      providerUid: '',
      factors: ['token'],
      current: true,
      secret: '',
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    const secret = /a_session_[^=]+=([^;]+)/.exec(cookie)?.[1];
    expect(secret).toBeTruthy();
    const me = await t.request('GET', '/v1/account', {
      key: null,
      headers: { 'x-appwrite-session': secret! },
    });
    expect(me.status).toBe(200);
    expect(me.body.$id).toBe(user.$id);

    expectAppwriteError(await exchange(user.$id, token.secret), 401, 'user_invalid_token');
    const sessions = await t.request('GET', `/v1/users/${user.$id}/sessions`);
    expect(sessions.body.total).toBe(1);
  });

  it('with an API key the answer shows the session secret', async () => {
    const user = await t.createUser({});
    const token = (await createToken(user.$id)).body;
    const res = await t.request('POST', '/v1/account/sessions/token', {
      body: { userId: user.$id, secret: token.secret },
    });
    expect(res.status).toBe(201);
    const me = await t.request('GET', '/v1/account', {
      key: null,
      headers: { 'x-appwrite-session': res.body.secret },
    });
    expect(me.body.$id).toBe(user.$id);
  });

  it('two exchanges racing on one token open one session', async () => {
    const user = await t.createUser({});
    const token = (await createToken(user.$id)).body;
    const results = await Promise.all([1, 2, 3].map(() => exchange(user.$id, token.secret)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 401, 401]);
  });

  it('a wrong secret, another user, an unknown user and an expired token are all user_invalid_token', async () => {
    const user = await t.createUser({});
    const other = await t.createUser({});
    const token = (await createToken(user.$id)).body;
    const wrong = token.secret === '000000' ? '000001' : '000000';
    expectAppwriteError(await exchange(user.$id, wrong), 401, 'user_invalid_token');
    expectAppwriteError(await exchange(other.$id, token.secret), 401, 'user_invalid_token');
    expectAppwriteError(await exchange('nosuchuser', token.secret), 401, 'user_invalid_token');

    const expiring = (await createToken(user.$id, { expire: 60 })).body;
    // Aged in the read model, whose lookup skips expired tokens (the aggregate's own expiry check, on the
    // event, is in token.aggregate.spec.ts): no minute-long wait.
    await t.db.execute('UPDATE tokens SET expire = ? WHERE id = ?', [
      new Date(Date.now() - 1000),
      expiring.$id,
    ]);
    expectAppwriteError(await exchange(user.$id, expiring.secret), 401, 'user_invalid_token');
    // Still usable after all that: the right secret works.
    expect((await exchange(user.$id, token.secret)).status).toBe(201);
  });

  it('a blocked user gets user_blocked and keeps the token; a deleted and re-created user cannot use it', async () => {
    const user = await t.createUser({});
    const token = (await createToken(user.$id)).body;
    await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    expectAppwriteError(await exchange(user.$id, token.secret), 403, 'user_blocked');
    await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: true } });
    expect((await exchange(user.$id, token.secret)).status).toBe(201);

    const gone = await t.createUser({});
    const kept = (await createToken(gone.$id)).body;
    await t.request('DELETE', `/v1/users/${gone.$id}`);
    await t.createUser({ userId: gone.$id });
    expectAppwriteError(await exchange(gone.$id, kept.secret), 401, 'user_invalid_token');
  });

  it('bad params are 400', async () => {
    const missing = await t.request('POST', '/v1/account/sessions/token', {
      key: null,
      body: { userId: 'x' },
    });
    expectAppwriteError(missing, 400, 'general_argument_invalid', 'Param "secret" is not optional.');
    expectAppwriteError(await exchange('_bad', 'abcdef'), 400, 'general_argument_invalid');
    expectAppwriteError(await exchange('abc', 'x'.repeat(257)), 400, 'general_argument_invalid');
  });

  it('wrong guesses are limited per user', async () => {
    const user = await t.createUser({});
    const token = (await createToken(user.$id)).body;
    for (let i = 0; i < 5; i++) {
      const guess = (i + 1).toString(16).padStart(6, 'f');
      if (guess !== token.secret) await exchange(user.$id, guess);
    }
    const limited = await exchange(user.$id, token.secret);
    expectAppwriteError(limited, 429, 'general_rate_limit_exceeded');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('events hold the hash of the secret only; the activity log names them as Appwrite does', async () => {
    const user = await t.createUser({});
    const token = (await createToken(user.$id)).body;
    expect((await exchange(user.$id, token.secret)).status).toBe(201);
    const [rows] = await t.db.query<any[]>(
      "SELECT type, CAST(data AS CHAR) AS data FROM events WHERE stream_type = 'token' AND stream_id = ?",
      [token.$id],
    );
    expect(rows.map((r) => r.type)).toEqual(['token.created', 'token.consumed']);
    const text = rows.map((r) => r.data).join('\n');
    expect(text).not.toContain(`"${token.secret}"`);
    expect(text).toContain(createHash('sha256').update(token.secret).digest('hex'));
    const logs = await t.eventually(async () => {
      const res = await t.request('GET', `/v1/users/${user.$id}/logs`);
      const names = res.body.logs.map((l: { event: string }) => l.event);
      return names.some((n: string) => n.includes('.tokens.') && n.endsWith('.delete')) && names;
    });
    expect(logs).toEqual(
      expect.arrayContaining([
        `users.${user.$id}.tokens.${token.$id}.create`,
        `users.${user.$id}.tokens.${token.$id}.delete`,
      ]),
    );
  });
});
