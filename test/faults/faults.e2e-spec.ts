import type { RowDataPacket } from 'mysql2/promise';
import { PrivateRedis, spawnService } from '../support/processes';
import { expectAppwriteError, TestApp } from '../support/test-app';

async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const [rows] = await t.db.query<RowDataPacket[]>(sql, params);
  return Number(rows[0].n);
}

/** Events the activity log must hold one row each for. */
const LOGGED_EVENTS =
  "SELECT COUNT(*) AS n FROM events WHERE stream_type IN ('user', 'session', 'identity', 'login', 'token')";

describe('fault tolerance (real MariaDB, Redis and a worker process)', () => {
  it('a worker killed with SIGKILL mid-stream, then restarted, revokes every session and logs each event exactly once', async () => {
    const t = await TestApp.start();
    const workerEnv = {
      ROLE: 'worker',
      DATABASE_URL: t.config.DATABASE_URL,
      REDIS_URL: t.config.REDIS_URL,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      RELAY_POLL_MS: '50',
    };
    let worker = spawnService(workerEnv);
    try {
      // 2,000 events: 250 users × (created, 2 sessions, 4 renames) + a block or a password change for each.
      const users: string[] = [];
      for (let i = 0; i < 250; i++) users.push((await t.createUser({ name: `fault-${i}` })).$id);
      for (const id of users) {
        for (let s = 0; s < 2; s++) await t.request('POST', `/v1/users/${id}/sessions`, { body: {} });
      }
      let killed = false;
      for (let round = 0; round < 4; round++) {
        for (const id of users)
          await t.request('PATCH', `/v1/users/${id}/name`, { body: { name: `r${round}-${id}` } });
        if (!killed && round === 1) {
          // Mid-stream: the worker has done part of the work and dies without any chance to clean up.
          await t.eventually(
            async () => (await count(t, 'SELECT COUNT(*) AS n FROM activity_logs')) > 200,
            20000,
          );
          worker.child.kill('SIGKILL');
          await worker.exited;
          killed = true;
        }
      }
      for (const [i, id] of users.entries()) {
        if (i % 2 === 0) await t.request('PATCH', `/v1/users/${id}/status`, { body: { status: false } });
        else
          await t.request('PATCH', `/v1/users/${id}/password`, { body: { password: `new-password-${i}` } });
      }
      expect(await count(t, LOGGED_EVENTS)).toBe(2000);

      worker = spawnService(workerEnv);
      await t.eventually(
        async () => (await count(t, 'SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NULL')) === 0,
        60000,
      );
      await t.eventually(
        async () => (await count(t, 'SELECT COUNT(*) AS n FROM activity_logs')) >= 2000 + 500,
        60000,
      );
      // Each event exactly once: the 2,000 plus the 500 revocations the worker itself appended.
      expect(await count(t, LOGGED_EVENTS)).toBe(2500);
      expect(await count(t, 'SELECT COUNT(*) AS n FROM activity_logs')).toBe(2500);
      expect(
        await count(
          t,
          'SELECT COUNT(*) AS n FROM activity_logs l LEFT JOIN events e ON e.id = l.event_id WHERE e.id IS NULL',
        ),
      ).toBe(0);
      expect(await count(t, "SELECT COUNT(*) AS n FROM events WHERE type = 'session.revoked'")).toBe(500);
    } finally {
      worker.child.kill('SIGKILL');
      await t.stop();
    }
  }, 180_000);

  it('Redis stopped while the API keeps writing: every event is delivered once Redis is back', async () => {
    const redis = await PrivateRedis.start();
    const t = await TestApp.start({ REDIS_URL: redis.url, RELAY_POLL_MS: '50' }, { worker: true });
    try {
      for (let i = 0; i < 20; i++) await t.createUser({ name: `before-${i}` });
      await t.eventually(
        async () => (await count(t, 'SELECT COUNT(*) AS n FROM activity_logs')) === 20,
        15000,
      );

      await redis.stop();
      const during: string[] = [];
      for (let i = 0; i < 30; i++) during.push((await t.createUser({ name: `during-${i}` })).$id);
      for (const id of during.slice(0, 10)) {
        const res = await t.request('PATCH', `/v1/users/${id}/status`, { body: { status: false } });
        expect(res.status).toBe(200);
      }
      expect(await count(t, LOGGED_EVENTS)).toBe(60);
      // Nothing reaches the log while Redis is down, and nothing written is lost either.
      expect(await count(t, 'SELECT COUNT(*) AS n FROM activity_logs')).toBe(20);

      await redis.resume();
      await t.eventually(
        async () => (await count(t, 'SELECT COUNT(*) AS n FROM activity_logs')) === 60,
        30000,
      );
      expect(
        await count(t, 'SELECT COUNT(*) AS n FROM activity_logs l JOIN events e ON e.id = l.event_id'),
      ).toBe(60);
    } finally {
      await t.stop();
      await redis.stop();
    }
  }, 120_000);

  it('blocking a user with 5 live sessions refuses each at once, and the worker revokes them all', async () => {
    const t = await TestApp.start({ RELAY_POLL_MS: '50' }, { worker: true });
    try {
      const user = await t.createUser({});
      const secrets: string[] = [];
      for (let i = 0; i < 5; i++)
        secrets.push((await t.request('POST', `/v1/users/${user.$id}/sessions`, { body: {} })).body.secret);
      await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } });
      // Refused on the very next request: `user_blocked` while the session row is live, and the plain "no
      // session" answer once the worker (which runs here too, and is fast) has revoked it.
      for (const secret of secrets) {
        const res = await t.request('GET', '/v1/account', {
          key: null,
          headers: { 'x-appwrite-session': secret },
        });
        expect(['user_blocked', 'general_unauthorized_scope']).toContain(res.body.type);
        expect(res.status).toBe(res.body.type === 'user_blocked' ? 403 : 401);
      }
      await t.eventually(
        async () =>
          (await count(t, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND revoked_at IS NOT NULL', [
            user.$id,
          ])) === 5,
        20_000,
      );
      const [reasons] = await t.db.query<RowDataPacket[]>(
        'SELECT DISTINCT revoke_reason AS r FROM sessions WHERE user_id = ?',
        [user.$id],
      );
      expect(reasons.map((r) => r.r)).toEqual(['user.blocked']);
      // Unblocking does not bring revoked sessions back.
      await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: true } });
      expectAppwriteError(
        await t.request('GET', '/v1/account', { key: null, headers: { 'x-appwrite-session': secrets[0] } }),
        401,
        'general_unauthorized_scope',
      );
    } finally {
      await t.stop();
    }
  }, 60_000);
});
