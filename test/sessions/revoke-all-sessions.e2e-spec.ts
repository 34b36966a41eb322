import { randomUUID } from 'node:crypto';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, TestApp } from '../support/test-app';

/** DELETE /v1/users/sessions (extension, Mattermost's "revoke all sessions"): a sweep over every user. */
describe('revoke every session of every user', () => {
  let t: TestApp;
  const users: string[] = [];

  const account = (secret: string) =>
    t.request('GET', '/v1/account', { key: null, headers: { 'x-appwrite-session': secret } });
  const openSession = async (userId: string) => {
    const res = await t.request('POST', `/v1/users/${userId}/sessions`);
    expect(res.status).toBe(201);
    return { id: res.body.$id as string, secret: res.body.secret as string };
  };
  const sweep = (id: string) => t.request('GET', `/v1/users/sessions/sweeps/${id}`);

  beforeAll(async () => {
    t = await TestApp.start({ RECONCILE_INTERVAL_MS: '200', RECONCILE_AFTER_MS: '500' });
    for (let i = 0; i < 3; i++) users.push((await t.createUser({ email: `sweep${i}@example.com` })).$id);
  });
  afterAll(async () => {
    await t.stop();
  });

  it('refuses every existing session at once, keeps later ones, and completes with one revocation each', async () => {
    const before = [];
    for (const userId of users) before.push(await openSession(userId), await openSession(userId));
    for (const s of before) expect((await account(s.secret)).status).toBe(200);

    // The worker is not running: the refusal must not depend on it.
    const accepted = await t.request('DELETE', '/v1/users/sessions');
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'running', revoked: 0, completedAt: null });
    expect(Object.keys(accepted.body)).toEqual([
      '$id',
      '$createdAt',
      '$updatedAt',
      'status',
      'total',
      'revoked',
      'completedAt',
    ]);
    for (const s of before) expectAppwriteError(await account(s.secret), 401, 'general_unauthorized_scope');

    const after = await openSession(users[0]);
    expect((await account(after.secret)).status).toBe(200);
    const listed = await t.request('GET', `/v1/users/${users[0]}/sessions`);
    expect(listed.body.sessions.map((s: { $id: string }) => s.$id)).toEqual([after.id]);

    // Asking again while it runs answers the same sweep.
    const again = await t.request('DELETE', '/v1/users/sessions');
    expect(again.status).toBe(202);
    expect(again.body.$id).toBe(accepted.body.$id);

    await t.startWorker();
    const done = await t.eventually(async () => {
      const res = await sweep(accepted.body.$id);
      return res.body.status === 'completed' && res.body;
    });
    expect(done).toMatchObject({ total: 6, revoked: 6 });
    expect(done.completedAt).toEqual(expect.any(String));
    expect((await account(after.secret)).status).toBe(200);

    const [rows] = await t.db.query<any[]>(
      'SELECT id, revoke_reason FROM sessions WHERE revoked_at IS NOT NULL ORDER BY id',
    );
    expect(rows.map((r) => r.id).sort()).toEqual(before.map((s) => s.id).sort());
    expect(new Set(rows.map((r) => r.revoke_reason))).toEqual(new Set(['sweep']));

    // Each revocation is in its user's activity log.
    const logs = await t.eventually(async () => {
      const res = await t.request('GET', `/v1/users/${users[1]}/logs`);
      const names: string[] = res.body.logs.map((l: { event: string }) => l.event);
      return names.filter((n) => n.endsWith('.delete')).length === 2 && names;
    });
    for (const s of before.slice(2, 4)) expect(logs).toContain(`users.${users[1]}.sessions.${s.id}.delete`);
    await t.stopWorker();
  });

  it('starts a new sweep once the last one completed; a delivered-again request revokes nothing twice', async () => {
    const s = await openSession(users[2]);
    const accepted = await t.request('DELETE', '/v1/users/sessions');
    expect(accepted.status).toBe(202);
    expectAppwriteError(await account(s.secret), 401, 'general_unauthorized_scope');
    await t.startWorker();
    const done = await t.eventually(async () => {
      const res = await sweep(accepted.body.$id);
      return res.body.status === 'completed' && res.body;
    });
    // This one and the session the first test opened after its sweep.
    expect(done).toMatchObject({ total: 2, revoked: 2 });
    await t.stopWorker();

    // Forget that the sweep worker handled the request: the reconciler delivers it again.
    const [requests] = await t.db.query<any[]>(
      "SELECT id FROM events WHERE type = 'session.sweep.requested' ORDER BY position",
    );
    await t.db.execute("DELETE FROM processed_events WHERE consumer = 'session-sweep'");
    await t.db.execute("UPDATE consumer_progress SET position = 0 WHERE consumer = 'session-sweep'");
    await t.startWorker();
    await t.eventually(async () => {
      const [rows] = await t.db.query<any[]>(
        "SELECT COUNT(*) AS n FROM processed_events WHERE consumer = 'session-sweep'",
      );
      return Number(rows[0].n) === requests.length;
    });
    await t.stopWorker();

    // One completion event per sweep, one revocation per session.
    const [events] = await t.db.query<any[]>(
      "SELECT type, COUNT(*) AS n FROM events WHERE stream_type IN ('session-sweep', 'session') " +
        "AND type <> 'session.created' GROUP BY type ORDER BY type",
    );
    expect(events.map((e) => [e.type, Number(e.n)])).toEqual([
      ['session.revoked', 8],
      ['session.sweep.completed', 2],
      ['session.sweep.requested', 2],
    ]);
  });

  it('answers 404 session_sweep_not_found for an unknown sweep id, 400 for a malformed one', async () => {
    expectAppwriteError(await sweep('nope'), 404, 'session_sweep_not_found');
    expectAppwriteError(await sweep('-bad'), 400, 'general_argument_invalid');
  });

  it('needs users.write or sessions.write to start a sweep, users.read or sessions.read to read one', async () => {
    const secret = `standard_${randomUUID().replace(/-/g, '')}`;
    await t.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [randomUUID(), 'read', hashApiKeySecret(secret), JSON.stringify(['users.read']), null, new Date()],
    );
    expectAppwriteError(
      await t.request('DELETE', '/v1/users/sessions', { key: secret }),
      401,
      'general_unauthorized_scope',
    );
    expectAppwriteError(
      await t.request('GET', '/v1/users/sessions/sweeps/x', { key: secret }),
      404,
      'session_sweep_not_found',
    );
    await t.db.execute('UPDATE api_keys SET scopes = ? WHERE secret_hash = ?', [
      JSON.stringify(['identities.read']),
      hashApiKeySecret(secret),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // keys are cached for 1 s
    expectAppwriteError(
      await t.request('GET', '/v1/users/sessions/sweeps/x', { key: secret }),
      401,
      'general_unauthorized_scope',
    );
  });
});
