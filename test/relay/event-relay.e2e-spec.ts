import { EVENT_DECODER } from '../../src/database';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MysqlEventStore } from '@libs/event-store';
import { Queue } from 'bullmq';
import type { RowDataPacket } from 'mysql2/promise';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LOG_RETENTION_QUEUE, LogRetentionProcessor } from '../../src/audit/workers/log-retention.processor';
import type { AppConfig } from '../../src/config/config';
import { MetricsModule } from '../../src/common/metrics/metrics.module';
import { EventRelayService } from '../../src/relay/event-relay.service';
import { queuePrefix } from '../../src/relay/queue-connection';
import { toJobData } from '../../src/relay/relay.contract';
import { relayLockName } from '../../src/relay/relay-lock';
import { createEventRelay } from '../../src/relay/relay.module';
import { EVENT_SUBSCRIPTIONS, WorkerModule } from '../../src/worker.module';
import { expectAppwriteError, TestApp } from '../support/test-app';
import { freshQueuePrefix } from '../support/redis-keys';

const UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const LOG_KEYS = [
  'event',
  'userId',
  'userEmail',
  'userName',
  'mode',
  'userType',
  'ip',
  'time',
  'osCode',
  'osName',
  'osVersion',
  'clientType',
  'clientCode',
  'clientName',
  'clientVersion',
  'clientEngine',
  'clientEngineVersion',
  'deviceName',
  'deviceBrand',
  'deviceModel',
  'countryCode',
  'countryName',
  // Extension: the impersonator of the request behind the event (`""` for none).
  'impersonatorId',
];

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Removes a test prefix's queues from the shared Redis. */
async function obliterate(config: AppConfig): Promise<void> {
  for (const name of [...EVENT_SUBSCRIPTIONS.map((s) => s.queue), LOG_RETENTION_QUEUE]) {
    const queue = new Queue(name, { connection: { url: config.REDIS_URL }, prefix: queuePrefix(config) });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

const query = (q: object) => `queries[]=${encodeURIComponent(JSON.stringify(q))}`;

describe('event relay → activity log', () => {
  const prefix = freshQueuePrefix();
  let t: TestApp;
  let worker: INestApplicationContext;
  let userId: string;

  const logs = (id: string, qs = '') => t.request('GET', `/v1/users/${id}/logs${qs ? `?${qs}` : ''}`);
  const logCount = async (eventId: string) => {
    const [rows] = await t.db.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM activity_logs WHERE event_id = ?',
      [eventId],
    );
    return Number(rows[0].n);
  };

  beforeAll(async () => {
    t = await TestApp.start({ QUEUE_PREFIX: prefix, RELAY_POLL_MS: '60000' });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(t.config), { logger: false });
    const headers = { 'user-agent': UA };
    userId = (await t.createUser({ email: 'ada@example.com', name: 'Ada' }))['$id'];
    for (const [path, body] of [
      ['name', { name: 'Ada Lovelace' }],
      ['email', { email: 'ada.l@example.com' }],
    ] as const) {
      const result = await t.request('PATCH', `/v1/users/${userId}/${path}`, { body, headers });
      expect(result.status).toBe(200);
    }
  });

  afterAll(async () => {
    await worker?.close();
    if (t) await obliterate(t.config);
    await t?.stop();
  });

  it('lists one log per event, newest first, in the Log model', async () => {
    const page = await until(async () => {
      const result = await logs(userId);
      return result.body.logs?.length === 3 ? result : undefined;
    }, 'three logs');
    expect(page.status).toBe(200);
    expect(Object.keys(page.body)).toEqual(['total', 'logs']);
    expect(page.body.logs.map((log: any) => log.event)).toEqual([
      `users.${userId}.update.email`,
      `users.${userId}.update.name`,
      `users.${userId}.create`,
    ]);
    const [latest] = page.body.logs;
    expect(Object.keys(latest)).toEqual(LOG_KEYS);
    expect(latest).toMatchObject({
      userId,
      userEmail: 'ada.l@example.com',
      userName: 'Ada Lovelace',
      mode: 'admin',
      userType: 'keyProject',
      ip: '127.0.0.1',
      osCode: 'MAC',
      osName: 'Mac',
      clientType: 'browser',
      clientCode: 'CH',
      clientName: 'Chrome',
      clientVersion: '120.0.0.0',
      clientEngine: 'Blink',
      deviceName: 'desktop',
      deviceBrand: 'Apple',
      countryCode: '--',
      countryName: 'Unknown',
      impersonatorId: '',
    });
    expect(latest.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    expect(page.body.logs[2].clientName).toBe('Node.js');
  });

  it('pages with limit and offset, counts every log, and skips the count on total=false', async () => {
    const page = await logs(
      userId,
      `${query({ method: 'limit', values: [1] })}&${query({ method: 'offset', values: [1] })}`,
    );
    expect(page.body.total).toBe(3);
    expect(page.body.logs.map((log: any) => log.event)).toEqual([`users.${userId}.update.name`]);
    const uncounted = await logs(userId, 'total=false');
    expect(uncounted.body.total).toBe(0);
    expect(uncounted.body.logs).toHaveLength(3);
  });

  it('refuses other queries and unknown users', async () => {
    for (const q of [
      { method: 'equal', attribute: 'event', values: ['x'] },
      { method: 'orderAsc', attribute: 'time' },
      { method: 'cursorAfter', values: ['abc'] },
    ]) {
      expectAppwriteError(await logs(userId, query(q)), 400, 'general_argument_invalid');
    }
    expectAppwriteError(await logs('nobody-here'), 404, 'user_not_found');
  });

  it('keeps one row per event when a job is delivered again', async () => {
    const relay = worker.get(EventRelayService);
    await relay.drain();
    const [events] = await t.db.query<RowDataPacket[]>('SELECT MAX(position) AS p FROM events');
    expect(relay.checkpoint()).toBe(Number(events[0].p));

    const store = new MysqlEventStore(t.db);
    const [created] = await store.readStream('user', userId);
    const queue = new Queue('activity-log', {
      connection: { url: t.config.REDIS_URL },
      prefix: queuePrefix(t.config),
    });
    try {
      const jobs = await Promise.all([
        queue.add(created.type, toJobData(created), { jobId: created.id }),
        queue.add(created.type, toJobData(created), { jobId: `${created.id}-again` }),
      ]);
      await until(
        async () => ((await jobs[1].getState()) === 'completed' ? true : undefined),
        'the replayed job',
      );
      expect(await logCount(created.id)).toBe(1);
    } finally {
      await queue.close();
    }
  });

  it('purges logs and idempotency records past their retention', async () => {
    const old = new Date(Date.now() - (t.config.LOG_RETENTION_DAYS + 1) * 24 * 3600 * 1000);
    await t.db.query(
      `INSERT INTO activity_logs (event_id, position, user_id, event, user_type, mode, time)
       VALUES ('00000000-0000-7000-8000-000000000001', 1, ?, 'users.x.create', 'guest', 'default', ?)`,
      [userId, old],
    );
    await t.db.query(
      `INSERT INTO processed_events (consumer, event_id, processed_at)
       VALUES ('test', '00000000-0000-7000-8000-000000000001', ?)`,
      [old],
    );
    const purged = await worker.get(LogRetentionProcessor).purge();
    expect(purged).toEqual({ activityLogs: 1, processedEvents: 1 });
    expect((await logs(userId)).body.total).toBe(3);
  });

  it('serves the relay and activity-log metrics on GET /metrics', async () => {
    const app = await NestFactory.create<NestFastifyApplication>(MetricsModule, new FastifyAdapter(), {
      logger: false,
    });
    try {
      await app.init();
      const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.body).toMatch(/^relay_events_total [1-9]/m);
      expect(response.body).toMatch(/^activity_log_rows_total [1-9]/m);
      expect(response.body).toContain('relay_lag_seconds_bucket');
      expect(response.body).toContain('session_revocation_lag_seconds_bucket');
      expect(response.body).toContain('process_cpu_user_seconds_total');
    } finally {
      await app.close();
    }
  });

  it('runs one active relay per prefix and hands over when the holder loses its MySQL connection', async () => {
    const config = { ...t.config, QUEUE_PREFIX: `${prefix}-pair` };
    const options = { pollMs: 100, lockRetryMs: 200 };
    const relays = [0, 1].map(() =>
      createEventRelay(
        config,
        t.db,
        new MysqlEventStore(t.db),
        t.app.get(EVENT_DECODER),
        EVENT_SUBSCRIPTIONS,
        options,
      ),
    );
    const lockName = relayLockName(config.QUEUE_PREFIX, new URL(config.DATABASE_URL).pathname.slice(1));
    const holder = async () => {
      const [rows] = await t.db.query<RowDataPacket[]>('SELECT IS_USED_LOCK(?) AS id', [lockName]);
      return rows[0].id === null ? undefined : Number(rows[0].id);
    };
    try {
      relays.forEach((relay) => relay.start());
      const first = await until(holder, 'a lock holder');
      await until(async () => (relays.some((r) => r.active) ? true : undefined), 'an active relay');
      expect(relays.filter((r) => r.active)).toHaveLength(1);

      await t.db.query(`KILL ${first}`);
      const second = await until(async () => {
        const id = await holder();
        return id !== undefined && id !== first && relays.filter((r) => r.active).length === 1
          ? id
          : undefined;
      }, 'a new lock holder');
      expect(second).not.toBe(first);
      const active = relays.find((r) => r.active)!;
      await active.drain();
      const [events] = await t.db.query<RowDataPacket[]>('SELECT MAX(position) AS p FROM events');
      expect(active.checkpoint()).toBe(Number(events[0].p));
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
      await obliterate(config);
    }
  });

  it('keeps events in MySQL while Redis is down and delivers them all once it is up', async () => {
    const port = await freePort();
    const config = { ...t.config, REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_PREFIX: `${prefix}-down` };
    const relay = createEventRelay(
      config,
      t.db,
      new MysqlEventStore(t.db),
      t.app.get(EVENT_DECODER),
      EVENT_SUBSCRIPTIONS,
      {
        pollMs: 100,
        lockRetryMs: 200,
        maxBackoffMs: 300,
      },
    );
    let redis: ChildProcess | undefined;
    try {
      relay.start();
      await t.createUser({ name: 'Written while Redis is down' });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(relay.active).toBe(true);
      expect(relay.checkpoint()).toBe(0);

      redis = spawn('redis-server', [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
      ]);
      const [ids] = await t.db.query<RowDataPacket[]>('SELECT id, position FROM events ORDER BY position');
      const last = Number(ids[ids.length - 1].position);
      await until(
        async () => (relay.checkpoint() >= last ? true : undefined),
        'delivery after Redis is back',
        10_000,
      );

      const queue = new Queue('activity-log', {
        connection: { url: config.REDIS_URL },
        prefix: queuePrefix(config),
      });
      try {
        const found = await Promise.all(ids.map((row) => queue.getJob(row.id)));
        expect(found.map((job) => job?.id)).toEqual(ids.map((row) => row.id));
      } finally {
        await queue.close();
      }
    } finally {
      await relay.stop();
      redis?.kill('SIGKILL');
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
