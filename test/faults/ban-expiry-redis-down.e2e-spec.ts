import { PrivateRedis } from '../support/processes';
import { TestApp } from '../support/test-app';

describe('ban expiry with Redis down', () => {
  it('a ban made while Redis is down still lifts itself once Redis is back (its job comes from the event)', async () => {
    const redis = await PrivateRedis.start();
    const t = await TestApp.start({ REDIS_URL: redis.url, RELAY_POLL_MS: '50' }, { worker: true });
    try {
      const user = await t.createUser({ email: 'offline-ban@example.com', password: 'password123' });
      await redis.stop();

      const expiresAt = new Date(Date.now() + 1500);
      const banned = await t.request('POST', `/v1/users/${user.$id}/ban`, { body: { expiresAt } });
      expect(banned.status).toBe(200);
      expect(banned.body.status).toBe(false);

      await new Promise((r) => setTimeout(r, Math.max(0, expiresAt.getTime() + 100 - Date.now())));
      // Nothing could lift it yet (no Redis, no job), but the expired ban no longer refuses a login.
      expect((await t.request('GET', `/v1/users/${user.$id}`)).body.status).toBe(false);
      const login = await t.request('POST', '/v1/account/sessions/email', {
        body: { email: 'offline-ban@example.com', password: 'password123' },
      });
      expect(login.status).toBe(201);

      await redis.resume();
      const lifted = await t.eventually(async () => {
        const res = await t.request('GET', `/v1/users/${user.$id}`);
        return res.body.status === true && res.body;
      }, 30_000);
      expect(lifted).toMatchObject({ banReason: null, banExpiresAt: null });
    } finally {
      await t.stop();
      await redis.stop();
    }
  }, 90_000);
});
