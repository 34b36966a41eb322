import { performance } from 'node:perf_hooks';
import type { RowDataPacket } from 'mysql2/promise';
import { PrivateRedis, spawnService } from '../support/processes';
import { expectAppwriteError, HttpResult, TestApp } from '../support/test-app';

/** No request may wait on a frozen Redis for longer than this (the command timeout is 500 ms by default). */
const BOUND_MS = 3000;

/** Longer than the relay's own command timeout (5 s), so its deliveries fail while Redis is frozen. */
const FREEZE_MS = 7000;

/** Events the activity log must hold one row each for. */
const LOGGED_EVENTS =
  "SELECT COUNT(*) AS n FROM events WHERE stream_type IN ('user', 'session', 'identity', 'login', 'token')";

/**
 * Defect 5: with Redis connected but not answering (SIGSTOP), a login hung for more than 20 s, because the API's
 * Redis client had no command timeout and the in-memory fallback limiter never engaged.
 */
describe('Redis frozen (SIGSTOP): bounded requests, limits in memory, nothing lost after SIGCONT', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await TestApp.start({ REDIS_URL: redis.url, LOGIN_RATE_LIMIT_EMAIL: '3' });
  });
  afterAll(async () => {
    redis.thaw();
    await t.stop();
    await redis.stop();
  });

  const count = async (sql: string, params: unknown[] = []) => {
    const [rows] = await t.db.query<RowDataPacket[]>(sql, params);
    return Number(rows[0].n);
  };

  const timed = async (method: string, path: string, body?: unknown) => {
    const started = performance.now();
    const res = await t.request(method, path, { body });
    return { status: res.status, fast: performance.now() - started < BOUND_MS };
  };

  const timedLogin = async (email: string, password: string): Promise<HttpResult & { ms: number }> => {
    const started = performance.now();
    const res = await t.request('POST', '/v1/account/sessions/email', {
      key: null,
      body: { email, password },
    });
    return { ...res, ms: performance.now() - started };
  };

  it('answers every login within the bound, and the limit still holds through the in-memory fallback', async () => {
    const user = await t.createUser({ email: 'frozen@example.com', password: 'the right password' });
    await t.createUser({ email: 'after-thaw@example.com', password: 'the right password' });
    expect((await timedLogin('frozen@example.com', 'the right password')).status).toBe(201);

    redis.freeze();
    try {
      const ok = await timedLogin('frozen@example.com', 'the right password');
      expect({ status: ok.status, fast: ok.ms < BOUND_MS }).toEqual({ status: 201, fast: true });
      for (let i = 0; i < 3; i++) {
        const wrong = await timedLogin('frozen@example.com', 'a wrong password');
        expect({ status: wrong.status, fast: wrong.ms < BOUND_MS }).toEqual({ status: 401, fast: true });
      }
      const limited = await timedLogin('frozen@example.com', 'the right password');
      expect(limited.ms).toBeLessThan(BOUND_MS);
      expectAppwriteError(limited, 429, 'general_rate_limit_exceeded');
      expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      // Routes that do not need Redis are not slowed down by it.
      const started = performance.now();
      expect((await t.request('GET', `/v1/users/${user.$id}`)).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
    } finally {
      redis.thaw();
    }

    // Back to the shared counters once Redis answers again.
    await t.eventually(
      async () => (await timedLogin('after-thaw@example.com', 'the right password')).status === 201,
      10_000,
    );
  });
  it('writes go on while Redis is frozen, and after SIGCONT no revocation and no activity-log row is lost', async () => {
    const worker = spawnService({
      ROLE: 'worker',
      DATABASE_URL: t.config.DATABASE_URL,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      RELAY_POLL_MS: '50',
    });
    try {
      const users: string[] = [];
      for (let i = 0; i < 10; i++) {
        const id = (await t.createUser({ email: `writer-${i}@example.com`, password: 'the right password' }))
          .$id;
        for (let s = 0; s < 2; s++) await t.request('POST', `/v1/users/${id}/sessions`, { body: {} });
        users.push(id);
      }
      await t.eventually(
        async () => (await count('SELECT COUNT(*) AS n FROM activity_logs')) === (await count(LOGGED_EVENTS)),
        30_000,
      );

      redis.freeze();
      try {
        const ready = await timed('GET', '/health/ready');
        expect(ready).toEqual({ status: 503, fast: true });
        for (const id of users) {
          expect(await timed('PATCH', `/v1/users/${id}/status`, { status: false })).toEqual({
            status: 200,
            fast: true,
          });
        }
        // Keep writing (and logging in) for longer than the relay's command timeout.
        const until = performance.now() + FREEZE_MS;
        for (let round = 0; performance.now() < until; round++) {
          const id = users[round % users.length];
          expect(await timed('PATCH', `/v1/users/${id}/name`, { name: `frozen-${round}` })).toEqual({
            status: 200,
            fast: true,
          });
          const login = await timedLogin('frozen@example.com', 'a wrong password');
          expect(login.ms).toBeLessThan(BOUND_MS);
        }
      } finally {
        redis.thaw();
      }

      await t.eventually(
        async () =>
          (await count(
            `SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NULL AND user_id IN (${users.map(() => '?')})`,
            users,
          )) === 0,
        60_000,
      );
      await t.eventually(
        async () => (await count('SELECT COUNT(*) AS n FROM activity_logs')) === (await count(LOGGED_EVENTS)),
        60_000,
      );
      expect(
        await count(
          'SELECT COUNT(*) AS n FROM activity_logs l LEFT JOIN events e ON e.id = l.event_id WHERE e.id IS NULL',
        ),
      ).toBe(0);
      expect(
        await count(
          `SELECT COUNT(*) AS n FROM events WHERE type = 'session.revoked' AND stream_id IN (
             SELECT id FROM sessions WHERE user_id IN (${users.map(() => '?')}))`,
          users,
        ),
      ).toBe(20);
    } finally {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
  }, 120_000);
});
