import { expectAppwriteError, TestApp } from '../support/test-app';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('lock-outs (extension): per user, visible, clearable', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The per-email rate limits are set high so that only the lock-out (3 failures) refuses logins here.
    t = await TestApp.start(
      { LOCKOUT_ATTEMPTS: '3', LOCKOUT_DURATION: '600', LOGIN_RATE_LIMIT_EMAIL: '100' },
      { worker: true },
    );
  });
  afterAll(async () => {
    await t.stop();
  });

  const login = (email: string, password: string) =>
    t.request('POST', '/v1/account/sessions/email', {
      body: { email, password },
      key: null,
      headers: { 'user-agent': CHROME },
    });
  const lockout = async (userId: string) => (await t.request('GET', `/v1/users/${userId}/lockout`)).body;
  const failTimes = async (email: string, n: number) => {
    for (let i = 0; i < n; i++) expect((await login(email, `wrong password ${i}`)).status).toBe(401);
  };

  it('locks after the configured failures: the right password gets 429 user_locked with Retry-After; unlock restores it', async () => {
    const user = await t.createUser({ email: 'locked@example.com', password: 'password123' });
    expect(await lockout(user.$id)).toEqual({ locked: false, failedAttempts: 0, lockedUntil: null });
    await failTimes('locked@example.com', 2);
    expect(await lockout(user.$id)).toEqual({ locked: false, failedAttempts: 2, lockedUntil: null });
    await failTimes('locked@example.com', 1);

    const state = await lockout(user.$id);
    expect(state).toMatchObject({ locked: true, failedAttempts: 3 });
    const until = Date.parse(state.lockedUntil as string);
    expect(until).toBeGreaterThan(Date.now() + 590_000);

    const refused = await login('locked@example.com', 'password123');
    expectAppwriteError(refused, 429, 'user_locked');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(590);
    // A wrong password gets the very same answer: the lock is no oracle for guesses.
    expectAppwriteError(await login('locked@example.com', 'still wrong'), 429, 'user_locked');

    const unlocked = await t.request('POST', `/v1/users/${user.$id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ locked: false, failedAttempts: 0, lockedUntil: null });
    expect((await login('locked@example.com', 'password123')).status).toBe(201);
  });

  it('a success resets the count', async () => {
    const user = await t.createUser({ email: 'reset@example.com', password: 'password123' });
    await failTimes('reset@example.com', 2);
    expect((await login('reset@example.com', 'password123')).status).toBe(201);
    await t.eventually(async () => (await lockout(user.$id)).failedAttempts === 0);
    await failTimes('reset@example.com', 2);
    expect((await lockout(user.$id)).locked).toBe(false);
  });

  it('locks by hand, with or without until; errors', async () => {
    const user = await t.createUser({ email: 'manual@example.com', password: 'password123' });
    const until = new Date(Date.now() + 3_600_000);
    const locked = await t.request('POST', `/v1/users/${user.$id}/lock`, { body: { until } });
    expect(locked.status).toBe(200);
    expect(locked.body).toEqual({
      locked: true,
      failedAttempts: 0,
      lockedUntil: until.toISOString().replace('Z', '+00:00'),
    });
    const refused = await login('manual@example.com', 'password123');
    expectAppwriteError(refused, 429, 'user_locked');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);

    const byDefault = await t.request('POST', `/v1/users/${user.$id}/lock`);
    expect(byDefault.body.locked).toBe(true);
    const end = Date.parse(byDefault.body.lockedUntil as string);
    expect(end).toBeGreaterThan(Date.now() + 590_000);
    expect(end).toBeLessThanOrEqual(Date.now() + 600_000);

    expectAppwriteError(
      await t.request('POST', `/v1/users/${user.$id}/lock`, { body: { until: new Date(Date.now() - 1000) } }),
      400,
      'general_argument_invalid',
      /`until`.*future/,
    );
    expectAppwriteError(
      await t.request('POST', `/v1/users/${user.$id}/lock`, { body: { until: 'soon' } }),
      400,
      'general_argument_invalid',
    );
    expectAppwriteError(await t.request('GET', '/v1/users/nobody/lockout'), 404, 'user_not_found');
    expectAppwriteError(await t.request('POST', '/v1/users/nobody/lock'), 404, 'user_not_found');
    expectAppwriteError(await t.request('POST', '/v1/users/nobody/unlock'), 404, 'user_not_found');
  });

  it("an admin's password change clears the lock", async () => {
    const user = await t.createUser({ email: 'newpass@example.com', password: 'password123' });
    await failTimes('newpass@example.com', 3);
    expect((await lockout(user.$id)).locked).toBe(true);
    const changed = await t.request('PATCH', `/v1/users/${user.$id}/password`, {
      body: { password: 'brand new password' },
    });
    expect(changed.status).toBe(200);
    expect(await lockout(user.$id)).toEqual({ locked: false, failedAttempts: 0, lockedUntil: null });
    expect((await login('newpass@example.com', 'brand new password')).status).toBe(201);
  });

  it('failed logins, locks and unlocks are in the activity log, with IP and user agent', async () => {
    const user = await t.createUser({ email: 'audited@example.com', password: 'password123' });
    await failTimes('audited@example.com', 3);
    await t.request('POST', `/v1/users/${user.$id}/unlock`);
    const logs = await t.eventually(async () => {
      const res = await t.request('GET', `/v1/users/${user.$id}/logs`);
      const all = res.body.logs as Array<Record<string, string>>;
      return all.some((l) => l.event.endsWith('.update.unlock')) && all;
    });
    const failed = logs.filter((l) => l.event === `users.${user.$id}.sessions.create.failed`);
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({
      userId: user.$id,
      userEmail: 'audited@example.com',
      ip: '127.0.0.1',
      osName: 'Windows',
      clientName: 'Chrome',
      userType: 'guest',
    });
    expect(logs.map((l) => l.event)).toEqual(
      expect.arrayContaining([`users.${user.$id}.update.lock`, `users.${user.$id}.update.unlock`]),
    );
    const unlock = logs.find((l) => l.event.endsWith('.update.unlock'))!;
    expect(unlock).toMatchObject({ mode: 'admin', userType: 'keyProject' });
    const [rows] = await t.db.query(
      "SELECT metadata FROM events WHERE stream_id = ? AND type = 'user.locked'",
      [user.$id],
    );
    const metadata = (rows as Array<{ metadata: string | object }>)[0].metadata;
    expect(typeof metadata === 'string' ? JSON.parse(metadata) : metadata).toMatchObject({
      actor: { type: 'system', id: 'lockout' },
    });
  });

  it('verify-password counts towards the lock-out and is refused while locked', async () => {
    const user = await t.createUser({ email: 'verify@example.com', password: 'password123' });
    const verify = (password: string) =>
      t.request('POST', `/v1/users/${user.$id}/verify-password`, { body: { password } });
    for (let i = 0; i < 3; i++)
      expect((await verify(`wrong password ${i}`)).body).toEqual({ verified: false });
    expect((await lockout(user.$id)).locked).toBe(true);
    const refused = await verify('password123');
    expectAppwriteError(refused, 429, 'user_locked');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(590);
    expectAppwriteError(await login('verify@example.com', 'password123'), 429, 'user_locked');
  });

  it('by default (LOCKOUT_ATTEMPTS=0) failures are counted and shown but never lock', async () => {
    const d = await TestApp.start({ LOGIN_RATE_LIMIT_EMAIL: '100' });
    try {
      const user = await d.createUser({ email: 'default@example.com', password: 'password123' });
      for (let i = 0; i < 12; i++) {
        const res = await d.request('POST', '/v1/account/sessions/email', {
          body: { email: 'default@example.com', password: `wrong password ${i}` },
          key: null,
        });
        expect(res.status).toBe(401);
      }
      expect((await d.request('GET', `/v1/users/${user.$id}/lockout`)).body).toEqual({
        locked: false,
        failedAttempts: 12,
        lockedUntil: null,
      });
      const ok = await d.request('POST', '/v1/account/sessions/email', {
        body: { email: 'default@example.com', password: 'password123' },
        key: null,
      });
      expect(ok.status).toBe(201);
    } finally {
      await d.stop();
    }
  });
});
