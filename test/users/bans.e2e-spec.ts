import { randomUUID } from 'node:crypto';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, TestApp } from '../support/test-app';

const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

describe('bans (extension): reason, expiry, sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_RATE_LIMIT_EMAIL: '100' });
  });
  afterAll(async () => {
    await t.stop();
  });

  const login = (email: string, password: string) =>
    t.request('POST', '/v1/account/sessions/email', { body: { email, password } });
  const account = (secret: string) =>
    t.request('GET', '/v1/account', { key: null, headers: { 'x-appwrite-session': secret } });
  const ban = (userId: string, body: unknown) => t.request('POST', `/v1/users/${userId}/ban`, { body });
  const events = async (userId: string) => {
    const [rows] = await t.db.query(
      "SELECT type FROM events WHERE stream_type = 'user' AND stream_id = ? ORDER BY version",
      [userId],
    );
    return (rows as Array<{ type: string }>).map((r) => r.type);
  };

  it('a ban with an expiry three seconds ahead: the session dies at once, and after the expiry the user logs in with no call made', async () => {
    const user = await t.createUser({ email: 'expiring@example.com', password: 'password123' });
    const before = await login('expiring@example.com', 'password123');
    expect(before.status).toBe(201);
    const secret = before.body.secret as string;
    expect((await account(secret)).status).toBe(200);

    const expiresAt = new Date(Date.now() + 3000);
    const banned = await ban(user.$id, { reason: 'Spam', expiresAt: expiresAt.toISOString() });
    expect(banned.status).toBe(200);
    expect(banned.body).toMatchObject({
      $id: user.$id,
      status: false,
      banReason: 'Spam',
      banExpiresAt: expiresAt.toISOString().replace('Z', '+00:00'),
    });

    // No worker runs in this app: validation alone refuses the session, on the first request.
    expectAppwriteError(await account(secret), 403, 'user_blocked');
    expectAppwriteError(await login('expiring@example.com', 'password123'), 403, 'user_blocked');

    await sleepUntil(expiresAt.getTime() + 50);
    // Nothing lifted the ban (no worker, no call): the access policy reads its expiry.
    expect((await t.request('GET', `/v1/users/${user.$id}`)).body.status).toBe(false);
    const after = await login('expiring@example.com', 'password123');
    expect(after.status).toBe(201);
    expect((await account(after.body.secret as string)).status).toBe(200);
    // The session the ban ended stays ended.
    expectAppwriteError(await account(secret), 401, 'general_unauthorized_scope');
  });

  it('the expiry lifts the ban by itself (a delayed job made by a consumer of the ban event)', async () => {
    const w = await TestApp.start({}, { worker: true });
    try {
      const user = await w.createUser({ email: 'lifted@example.com', password: 'password123' });
      const expiresAt = new Date(Date.now() + 1500);
      expect((await w.request('POST', `/v1/users/${user.$id}/ban`, { body: { expiresAt } })).status).toBe(
        200,
      );
      const lifted = await w.eventually(async () => {
        const res = await w.request('GET', `/v1/users/${user.$id}`);
        return res.body.status === true && res.body;
      });
      expect(lifted).toMatchObject({ status: true, banReason: null, banExpiresAt: null });
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
      const [rows] = await w.db.query(
        "SELECT data, metadata FROM events WHERE stream_id = ? AND type = 'user.unbanned'",
        [user.$id],
      );
      const unbanned = rows as Array<{ data: string | object; metadata: string | object }>;
      expect(unbanned).toHaveLength(1);
      const parse = (v: string | object) => (typeof v === 'string' ? JSON.parse(v) : v);
      expect(parse(unbanned[0].data)).toEqual({ expired: true });
      expect(parse(unbanned[0].metadata)).toMatchObject({ actor: { type: 'system', id: 'ban-expiry' } });

      const logs = await w.eventually(async () => {
        const res = await w.request('GET', `/v1/users/${user.$id}/logs`);
        const names = (res.body.logs as Array<{ event: string }>).map((l) => l.event);
        return names.includes(`users.${user.$id}.update.unban`) && names;
      });
      expect(logs).toContain(`users.${user.$id}.update.ban`);
    } finally {
      await w.stop();
    }
  });

  it('a replaced ban is not lifted by the first ban’s job', async () => {
    const w = await TestApp.start({}, { worker: true });
    try {
      const user = await w.createUser({ email: 'replaced@example.com' });
      const soon = new Date(Date.now() + 1000);
      await w.request('POST', `/v1/users/${user.$id}/ban`, { body: { expiresAt: soon } });
      const res = await w.request('POST', `/v1/users/${user.$id}/ban`, { body: { reason: 'For good' } });
      expect(res.body).toMatchObject({ status: false, banReason: 'For good', banExpiresAt: null });
      // The first ban's job has run (and done nothing) once its consumer recorded it and its time passed.
      await w.eventually(async () => {
        const [rows] = await w.db.query(
          "SELECT COUNT(*) AS n FROM processed_events WHERE consumer = 'ban-expiry'",
        );
        return Number((rows as Array<{ n: number }>)[0].n) === 1;
      });
      await sleepUntil(soon.getTime() + 1500);
      expect((await w.request('GET', `/v1/users/${user.$id}`)).body).toMatchObject({
        status: false,
        banReason: 'For good',
      });
      expect(await eventsOf(w, user.$id)).not.toContain('user.unbanned');
    } finally {
      await w.stop();
    }
  });

  it('ban and unban models: every user model carries banReason and banExpiresAt', async () => {
    const user = await t.createUser({ email: 'model@example.com' });
    expect(user).toMatchObject({ banReason: null, banExpiresAt: null });

    const plain = await ban(user.$id, {});
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ status: false, banReason: null, banExpiresAt: null });

    const again = await ban(user.$id, { reason: 'Abuse' });
    expect(again.body).toMatchObject({ status: false, banReason: 'Abuse', banExpiresAt: null });
    const listed = await t.request('GET', `/v1/users?search=${user.$id}`);
    expect(listed.body.users[0]).toMatchObject({ banReason: 'Abuse', banExpiresAt: null });

    const unbanned = await t.request('POST', `/v1/users/${user.$id}/unban`);
    expect(unbanned.status).toBe(200);
    expect(unbanned.body).toMatchObject({ status: true, banReason: null, banExpiresAt: null });

    // Unbanning a user who is not banned answers the user and records nothing.
    const count = (await events(user.$id)).length;
    expect((await t.request('POST', `/v1/users/${user.$id}/unban`)).body.status).toBe(true);
    expect(await events(user.$id)).toHaveLength(count);
    expect(await events(user.$id)).toEqual(['user.created', 'user.banned', 'user.banned', 'user.unbanned']);
  });

  it('PATCH status keeps its meaning: false is a ban without reason or expiry, true lifts any ban', async () => {
    const user = await t.createUser({ email: 'status@example.com' });
    await ban(user.$id, { reason: 'Spam', expiresAt: new Date(Date.now() + 3_600_000) });
    const blocked = await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
    expect(blocked.body).toMatchObject({ status: false, banReason: null, banExpiresAt: null });
    await ban(user.$id, { reason: 'Spam' });
    const lifted = await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: true } });
    expect(lifted.body).toMatchObject({ status: true, banReason: null, banExpiresAt: null });
  });

  it('errors: bad expiresAt, expiry in the past, reason too long, unknown user, missing scope', async () => {
    const user = await t.createUser({ email: 'errors@example.com' });
    expectAppwriteError(
      await ban(user.$id, { expiresAt: 'tomorrow' }),
      400,
      'general_argument_invalid',
      /Invalid `expiresAt` param/,
    );
    expectAppwriteError(
      await ban(user.$id, { expiresAt: new Date(Date.now() - 1000).toISOString() }),
      400,
      'general_argument_invalid',
      /`expiresAt`.*future/,
    );
    expectAppwriteError(
      await ban(user.$id, { reason: 'x'.repeat(257) }),
      400,
      'general_argument_invalid',
      /Invalid `reason` param/,
    );
    expect((await ban(user.$id, { reason: 'x'.repeat(256) })).status).toBe(200);
    expectAppwriteError(await ban('nobody', {}), 404, 'user_not_found');
    expectAppwriteError(await t.request('POST', '/v1/users/nobody/unban'), 404, 'user_not_found');
    const reader = `standard_${randomUUID().replace(/-/g, '')}`;
    await t.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [randomUUID(), 'reader', hashApiKeySecret(reader), JSON.stringify(['users.read']), null, new Date()],
    );
    for (const path of ['ban', 'unban']) {
      expectAppwriteError(
        await t.request('POST', `/v1/users/${user.$id}/${path}`, { key: reader }),
        401,
        'general_unauthorized_scope',
      );
    }
  });
});

async function eventsOf(app: TestApp, userId: string): Promise<string[]> {
  const [rows] = await app.db.query(
    "SELECT type FROM events WHERE stream_type = 'user' AND stream_id = ? ORDER BY version",
    [userId],
  );
  return (rows as Array<{ type: string }>).map((r) => r.type);
}
