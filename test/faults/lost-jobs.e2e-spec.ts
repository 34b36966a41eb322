import { EVENT_DECODER } from '../../src/database';
import { Queue } from 'bullmq';
import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { MysqlEventStore } from '@libs/event-store';
import { queuePrefix } from '../../src/relay/queue-connection';
import { createEventRelay } from '../../src/relay/relay.module';
import { EVENT_SUBSCRIPTIONS } from '../../src/worker.module';
import { PrivateRedis, spawnService, Spawned } from '../support/processes';
import { TestApp } from '../support/test-app';

/**
 * Redis is a transport, not the record: jobs that a worker dies with (twice), that a Redis restarted without
 * its data drops, or that someone removes by hand are all processed in the end (DESIGN §4, issue 7).
 */
describe('nothing lost between the event store and the workers', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  const workers: Spawned[] = [];

  beforeEach(async () => {
    redis = await PrivateRedis.start();
    t = await TestApp.start({ REDIS_URL: redis.url });
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) worker.child.kill('SIGKILL');
    await t.stop();
    await redis.stop();
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.db.query<RowDataPacket[]>(sql, params))[0][0].n);
  const liveSessions = () => count('SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NULL');
  const workerEnv = () => ({
    ROLE: 'worker',
    DATABASE_URL: t.config.DATABASE_URL,
    REDIS_URL: t.config.REDIS_URL,
    QUEUE_PREFIX: t.config.QUEUE_PREFIX,
    RELAY_POLL_MS: '50',
    RECONCILE_INTERVAL_MS: '300',
    RECONCILE_AFTER_MS: '1000',
  });
  const startWorker = () => {
    const worker = spawnService({ ...workerEnv(), LOG_LEVEL: 'info' });
    workers.push(worker);
    return worker;
  };
  /** Waits like `t.eventually`, and on a timeout says what the workers printed. */
  const until = async (check: () => Promise<boolean>, timeoutMs: number, what: string) => {
    try {
      await t.eventually(check, timeoutMs);
    } catch (error) {
      const printed = workers.map((w, i) => `--- worker ${i}:\n${w.output().slice(-4000)}`).join('\n');
      throw new Error(`${what}: ${(error as Error).message}\n${printed}`, { cause: error });
    }
  };
  const kill = async (worker: Spawned) => {
    worker.child.kill('SIGKILL');
    await worker.exited;
  };

  /** 20 users with 2 sessions each, all blocked: 20 revocation jobs, 40 sessions to revoke. */
  async function blockTwentyUsers(): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { $id } = await t.createUser({ name: `lost-${i}` });
      for (let s = 0; s < 2; s++) await t.request('POST', `/v1/users/${$id}/sessions`, { body: {} });
      ids.push($id);
    }
    for (const id of ids) await t.request('PATCH', `/v1/users/${id}/status`, { body: { status: false } });
    return ids;
  }

  /** Delivers every event to the queues with a relay of the test's own, and no processor running. */
  async function deliverWithoutProcessing(): Promise<void> {
    const relay = createEventRelay(
      t.config,
      t.db,
      new MysqlEventStore(t.db),
      t.app.get(EVENT_DECODER),
      EVENT_SUBSCRIPTIONS,
      {
        pollMs: 50,
        lockRetryMs: 100,
      },
    );
    relay.start();
    try {
      await relay.drain(20_000);
    } finally {
      await relay.stop();
    }
  }

  it('a job in flight when its worker dies twice is still processed (defect: 20 of 20 revocations lost)', async () => {
    const revocations = new Queue('session-revocation', {
      connection: { url: redis.url },
      prefix: queuePrefix(t.config),
    });
    const hold: PoolConnection = await t.db.getConnection();
    try {
      const users = await blockTwentyUsers();
      expect(await liveSessions()).toBe(40);
      // Hold every session row, so each revocation job blocks mid-flight until the test lets go.
      await hold.query('START TRANSACTION');
      await hold.query('SELECT id FROM sessions FOR UPDATE');
      // In flight in the current worker, after `stalls` deaths of earlier workers with the same jobs.
      const inFlight = (stalls: number) => async () => {
        const active = await revocations.getJobs(['active']);
        return active.length === users.length && active.every((job) => job.stalledCounter >= stalls);
      };

      let worker = startWorker();
      await until(inFlight(0), 60_000, 'all jobs in flight in the first worker');
      await kill(worker);
      worker = startWorker();
      // The jobs come back from the dead worker (one stall) and are in flight again in the new one.
      await until(inFlight(1), 60_000, 'all jobs stalled once and in flight in the second worker');
      await kill(worker);
      worker = startWorker();
      // Measured from when a live worker is there to notice: booting it is not part of the recovery.
      await until(
        async () => worker.output().includes('Worker started'),
        60_000,
        'the third worker to start',
      );
      const readyAt = Date.now();
      await hold.query('ROLLBACK');
      await until(async () => (await liveSessions()) === 0, 120_000, 'every session revoked');
      const recoveredMs = Date.now() - readyAt;
      expect((await revocations.getJobCounts('failed')).failed).toBe(0);
      // Each job died with two workers and still completed (BullMQ's default, one stall, would have failed it).
      await t.eventually(
        async () => (await revocations.getJobCounts('completed')).completed === users.length,
      );
      expect(await count("SELECT COUNT(*) AS n FROM events WHERE type = 'session.revoked'")).toBe(40);
      expect(await count('SELECT COUNT(*) AS n FROM dead_letters')).toBe(0);
      // The jobs of a killed worker resume within about 13 s (5 s lock + two 4 s stall checks), not ~60 s.
      expect(recoveredMs).toBeLessThan(30_000);
    } finally {
      await hold.query('ROLLBACK').catch(() => undefined);
      hold.release();
      await revocations.close();
    }
  }, 300_000);

  it('jobs that a Redis restarted without its data dropped are delivered again', async () => {
    await blockTwentyUsers();
    const events = await count('SELECT COUNT(*) AS n FROM events');
    await deliverWithoutProcessing();
    await redis.restartEmpty();

    startWorker();
    await t.eventually(async () => (await liveSessions()) === 0, 60_000);
    // Every user, session and identity event is logged once, the 40 revocations the worker appended included.
    await t.eventually(
      async () => (await count('SELECT COUNT(*) AS n FROM activity_logs')) === events + 40,
      60_000,
    );
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM events e LEFT JOIN activity_logs l ON l.event_id = e.id WHERE l.event_id IS NULL',
      ),
    ).toBe(0);
  }, 120_000);

  it('jobs removed from a queue by hand are delivered again', async () => {
    await blockTwentyUsers();
    await deliverWithoutProcessing();
    const revocations = new Queue('session-revocation', {
      connection: { url: redis.url },
      prefix: queuePrefix(t.config),
    });
    try {
      expect((await revocations.getJobCounts('waiting')).waiting).toBe(20);
      await revocations.obliterate({ force: true });
    } finally {
      await revocations.close();
    }
    startWorker();
    await t.eventually(async () => (await liveSessions()) === 0, 60_000);
    expect(await count("SELECT COUNT(*) AS n FROM events WHERE type = 'session.revoked'")).toBe(40);
  }, 120_000);
});
