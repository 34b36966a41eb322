import { Queue } from 'bullmq';
import { queuePrefix } from '../../src/relay';
import { USER_ACCESS_QUEUE, userAccessKey } from '../../src/users/infrastructure/user-access.queue';
import { TcpProxy } from '../support/tcp-proxy';
import { TestApp } from '../support/test-app';

/**
 * Appwrite's `accessedAt`: set when the user uses the API with its own credential, then at most once per
 * window (USER_ACCESS_WINDOW_SECONDS, Appwrite's 24 h). Written by the worker, never by the request.
 */
describe('user accessedAt', () => {
  let t: TestApp;
  let queue: Queue;
  beforeAll(async () => {
    t = await TestApp.start({ USER_ACCESS_WINDOW_SECONDS: '3600' });
    queue = new Queue(USER_ACCESS_QUEUE, {
      connection: { url: t.config.REDIS_URL },
      prefix: queuePrefix(t.config),
    });
  });
  afterAll(async () => {
    await queue.close();
    await t.stop();
  });

  const sessionOf = async (userId: string): Promise<string> =>
    (await t.request('POST', `/v1/users/${userId}/sessions`, { body: {} })).body.secret;
  const use = async (secret: string) => {
    const res = await t.request('GET', '/v1/account', {
      key: null,
      headers: { 'x-appwrite-session': secret },
    });
    expect(res.status).toBe(200);
  };
  const accessedAt = async (userId: string): Promise<string> =>
    (await t.request('GET', `/v1/users/${userId}`)).body.accessedAt;
  const jobsOf = async (userId: string): Promise<number> =>
    (await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed'])).filter(
      (job) => job.data.userId === userId,
    ).length;

  let ada: string;
  let adaSession: string;
  let first: string;

  it('is "" until the user uses a session, then one job for any number of requests in the window', async () => {
    ada = (await t.createUser({ name: 'Ada' })).$id;
    adaSession = await sessionOf(ada);
    expect(await accessedAt(ada)).toBe('');
    await Promise.all(Array.from({ length: 5 }, () => use(adaSession)));
    // The request never writes: without a worker the user still shows no access, and one job waits.
    await t.eventually(async () => (await jobsOf(ada)) > 0);
    const bob = (await t.createUser({ name: 'Bob' })).$id;
    await use(await sessionOf(bob));
    await t.eventually(async () => (await jobsOf(bob)) > 0);
    expect(await jobsOf(ada)).toBe(1);
    expect(await accessedAt(ada)).toBe('');
    // An API key's requests are not the user's.
    expect((await t.request('GET', `/v1/users/${ada}`)).status).toBe(200);

    const before = Date.now();
    await t.startWorker();
    first = await t.eventually(async () => (await accessedAt(ada)) || undefined);
    expect(new Date(first).getTime()).toBeLessThanOrEqual(before);
    expect(new Date(first).getTime()).toBeGreaterThan(before - 60_000);
    // Listed and filterable like the other dates.
    const query = JSON.stringify({ method: 'isNotNull', attribute: 'accessedAt' });
    const listed = await t.request('GET', `/v1/users?queries[]=${encodeURIComponent(query)}`);
    expect((listed.body.users as Array<{ $id: string }>).map((u) => u.$id)).toContain(ada);
  });

  it('is not rewritten within the window, and is refreshed once it has passed', async () => {
    await use(adaSession);
    await use(adaSession);
    // A later user's access, queued after those, is written: Ada's would have been by then.
    const cleo = (await t.createUser({ name: 'Cleo' })).$id;
    await use(await sessionOf(cleo));
    await t.eventually(async () => (await accessedAt(cleo)) !== '');
    expect(await accessedAt(ada)).toBe(first);
    expect(await jobsOf(ada)).toBe(1);

    // Two hours later (a 1 h window): moved back in the row, and the short-lived Redis note gone.
    await t.db.query('UPDATE users SET accessed_at = accessed_at - INTERVAL 2 HOUR WHERE id = ?', [ada]);
    await deleteNote(t, ada);
    const moved = await accessedAt(ada);
    await use(adaSession);
    const refreshed = await t.eventually(async () => {
      const value = await accessedAt(ada);
      return value !== moved ? value : undefined;
    });
    expect(new Date(refreshed).getTime()).toBeGreaterThan(new Date(first).getTime());

    // Jobs delivered again, late, or for another incarnation of the id change nothing.
    const [rows] = await t.db.query('SELECT sequence FROM users WHERE id = ?', [ada]);
    const incarnation = Number((rows as Array<{ sequence: number }>)[0].sequence);
    const replays = [
      { userId: ada, incarnation, at: refreshed },
      { userId: ada, incarnation, at: first },
      { userId: ada, incarnation: incarnation + 1, at: new Date(Date.now() + 7200_000).toISOString() },
    ];
    for (const data of replays) {
      const job = await queue.add(USER_ACCESS_QUEUE, data);
      await t.eventually(async () => (await queue.getJob(job.id!))?.finishedOn);
    }
    expect(await accessedAt(ada)).toBe(refreshed);
  });

  it('answers every request while Redis is unreachable, skipping the update', async () => {
    const redis = new URL(t.config.REDIS_URL);
    const proxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
    const down = await TestApp.start({
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      USER_ACCESS_WINDOW_SECONDS: '3600',
    });
    try {
      const user = (await down.createUser({ name: 'Dora' })).$id;
      const secret = (await down.request('POST', `/v1/users/${user}/sessions`, { body: {} })).body.secret;
      await proxy.cut();
      for (let i = 0; i < 3; i++) {
        const res = await down.request('GET', '/v1/account', {
          key: null,
          headers: { 'x-appwrite-session': secret },
        });
        expect(res.status).toBe(200);
      }
      expect((await down.request('GET', `/v1/users/${user}`)).body.accessedAt).toBe('');
      await proxy.restore();
    } finally {
      await down.stop();
      await proxy.cut();
    }
  });
});

async function deleteNote(t: TestApp, userId: string): Promise<void> {
  const { default: IORedis } = await import('ioredis');
  const redis = new IORedis(t.config.REDIS_URL);
  try {
    await redis.del(userAccessKey(t.config.QUEUE_PREFIX, userId));
  } finally {
    redis.disconnect();
  }
}
