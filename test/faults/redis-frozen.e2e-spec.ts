import { performance } from 'node:perf_hooks';
import { PrivateRedis } from '../support/processes';
import { expectAppwriteError, HttpResult, TestApp } from '../support/test-app';

/** No request may wait on a frozen Redis for longer than this (the command timeout is 500 ms by default). */
const BOUND_MS = 3000;

/**
 * Defect 5: with Redis connected but not answering (SIGSTOP), a login hung for more than 20 s, because the API's
 * Redis client had no command timeout and the in-memory fallback limiter never engaged.
 */
describe('Redis frozen (SIGSTOP) while logins go on', () => {
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
});
