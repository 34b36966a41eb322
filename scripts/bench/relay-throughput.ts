import { MysqlEventStore, NewEvent } from '@libs/event-store';
import IORedis from 'ioredis';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { AppConfig } from '../../src/config/config';
import { RelayNotifier } from '../../src/relay/relay-notifier.module';
import { USER_EVENTS, USER_STREAM, UserNameChangedEvent } from '../../src/users/domain/events';
import { cpuSecondsOf, maxPosition, metricValue, QueueWatch } from './pipeline';
import { appendWithRetry, readCommittedPool } from './seed';

export const RELAY_EVENTS = 20_000;
const APPENDERS = 16;
const COUNT_EVERY_MS = 50;
const GIVE_UP_MS = 5 * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RelayResult {
  events: number;
  eventsPerAppend: number;
  appenders: number;
  /** First append → last append committed (while the relay and the worker already ran). */
  appendSeconds: number;
  appendEventsPerSecond: number;
  /** First append → the worker's relay_events_total counts all of them (all jobs in BullMQ). */
  relayedSeconds: number | null;
  /** Rows already written when the appends were done; the rest were drained with the generator idle. */
  rowsWhenAppended: number;
  /** Rows/s written after the last append: the pipeline's own pace once the generator stops. */
  drainPerSecond: number | null;
  /** First append → `activity_logs` holds a row for every event; null when not within 5 min. */
  seconds: number | null;
  eventsPerSecond: number | null;
  /** Rows for these events found at the end (exact count by position). */
  rows: number;
  /** Most unfinished activity-log jobs seen (sampled every 0.5 s). */
  maxQueued: number;
  /** CPU (user + system) per process over the whole measurement, in core-seconds and µs per event. */
  cpu: Record<string, { coreSeconds: number; usPerEvent: number } | null>;
  /** Cores each process kept busy while the rest drained (1.0 = one core: a Node process's ceiling). */
  drainCores: Record<string, number | null>;
  settings: Record<string, number>;
}

/**
 * 20,000 `user.name.changed` events appended straight through the event store (16 appenders, 10 events per
 * append on 2,000 reserved users), measured from the first append until `activity_logs` has all their rows
 * (COUNT every 50 ms). Events only, no inline projection: with the user projection (its search-token
 * reindex per name change) the generator itself topped out near 800 events/s on this machine and the
 * pipeline waited for it. Each commit publishes the relay wake-up on Redis through the service's own
 * RelayNotifier, as an API process does, so the worker's relay does not wait for its RELAY_POLL_MS poll.
 */
export async function measureRelay(
  url: string,
  config: AppConfig,
  db: Connection,
  userIds: string[],
  pids: Record<string, number | undefined>,
  workerUrl: string,
): Promise<RelayResult> {
  const relayed = async () => {
    const response = await fetch(`${workerUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
    return metricValue(await response.text(), 'relay_events_total') ?? 0;
  };
  const perAppend = Math.ceil(RELAY_EVENTS / userIds.length);
  const pool = readCommittedPool(url, APPENDERS + 2);
  const store = new MysqlEventStore(pool);
  const redis = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  new RelayNotifier(store, redis, config).onModuleInit();
  const watch = new QueueWatch(config.REDIS_URL, config.QUEUE_PREFIX);
  try {
    // From the streams themselves: no projection runs here, so the read table's version may lag behind.
    const [rows] = await db.query<RowDataPacket[]>(
      'SELECT stream_id AS id, MAX(version) AS version FROM events ' +
        "WHERE stream_type = 'user' AND stream_id IN (?) GROUP BY stream_id",
      [userIds],
    );
    const versions = new Map(rows.map((r) => [String(r.id), Number(r.version)]));
    const before = await maxPosition(db);
    const cpu = (): Record<string, number | null> => {
      const own = process.cpuUsage();
      return {
        ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSecondsOf(pid)])),
        'bench (appenders + poller)': (own.user + own.system) / 1e6,
      };
    };
    const relayedBefore = await relayed();
    const cpuBefore = cpu();
    const startWall = new Date();
    const started = performance.now();
    let last = 0;
    let appended = 0;
    let next = 0;
    const appender = async () => {
      for (let u = next++; u < userIds.length && appended < RELAY_EVENTS; u = next++) {
        const count = Math.min(perAppend, RELAY_EVENTS - u * perAppend);
        if (count <= 0) return;
        const version = versions.get(userIds[u]);
        if (version === undefined) throw new Error(`relay: user ${userIds[u]} has no stream`);
        const events: NewEvent[] = Array.from({ length: count }, (_, k) =>
          USER_EVENTS.toNew(new UserNameChangedEvent({ name: `Relay Bench ${u} ${k}` }), userIds[u]),
        );
        await appendWithRetry(store, {
          streamType: USER_STREAM,
          streamId: userIds[u],
          expectedVersion: version,
          events,
          metadata: { actor: { type: 'system', id: 'bench-relay' } },
        });
        appended += count;
      }
    };
    const appending = Promise.all(Array.from({ length: APPENDERS }, appender)).then(async () => {
      last = await maxPosition(db);
      return (performance.now() - started) / 1000;
    });
    let appendSeconds: number | undefined;
    let appendError: unknown;
    void appending.then(
      (s) => (appendSeconds = s),
      (error: unknown) => (appendError = error ?? new Error('append failed')),
    );

    let relayedSeconds: number | null = null;
    let seconds: number | null = null;
    let maxQueued = 0;
    let whenAppended: { rows: number; at: number; cpu: Record<string, number | null> } | undefined;
    for (let tick = 0; performance.now() - started < GIVE_UP_MS; tick++) {
      await sleep(COUNT_EVERY_MS);
      if (appendError) throw appendError;
      const [counted] = await db.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM activity_logs WHERE time >= ?',
        [startWall],
      );
      const now = (performance.now() - started) / 1000;
      if (appendSeconds !== undefined) whenAppended ??= { rows: Number(counted[0].n), at: now, cpu: cpu() };
      if (relayedSeconds === null && appendSeconds !== undefined) {
        if ((await relayed()) >= relayedBefore + RELAY_EVENTS) relayedSeconds = now;
      }
      if (tick % 10 === 0) maxQueued = Math.max(maxQueued, (await watch.pending())['activity-log'] ?? 0);
      if (Number(counted[0].n) >= RELAY_EVENTS && appendSeconds !== undefined) {
        seconds = now;
        relayedSeconds ??= now;
        break;
      }
    }
    const appendTime = appendSeconds ?? (await appending);
    const cpuAfter = cpu();
    const [exact] = await db.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM activity_logs WHERE position > ? AND position <= ?',
      [before, last],
    );
    const drained = seconds !== null && whenAppended ? seconds - whenAppended.at : 0;
    const drainCores = Object.fromEntries(
      Object.keys(cpuAfter).map((name) => {
        const a = whenAppended?.cpu[name] ?? null;
        const b = cpuAfter[name];
        return [name, a === null || b === null || drained <= 0 ? null : (b - a) / drained];
      }),
    );
    const used = Object.fromEntries(
      Object.keys(cpuAfter).map((name) => {
        const a = cpuBefore[name];
        const b = cpuAfter[name];
        if (a === null || b === null) return [name, null];
        return [name, { coreSeconds: b - a, usPerEvent: ((b - a) * 1e6) / RELAY_EVENTS }];
      }),
    );
    return {
      events: RELAY_EVENTS,
      eventsPerAppend: perAppend,
      appenders: APPENDERS,
      appendSeconds: appendTime,
      appendEventsPerSecond: RELAY_EVENTS / appendTime,
      relayedSeconds,
      rowsWhenAppended: whenAppended?.rows ?? 0,
      drainPerSecond:
        seconds !== null && whenAppended && seconds > whenAppended.at
          ? (RELAY_EVENTS - whenAppended.rows) / (seconds - whenAppended.at)
          : null,
      seconds,
      eventsPerSecond: seconds === null ? null : RELAY_EVENTS / seconds,
      rows: Number(exact[0].n),
      maxQueued,
      cpu: used,
      drainCores,
      settings: {
        RELAY_BATCH_SIZE: config.RELAY_BATCH_SIZE,
        RELAY_POLL_MS: config.RELAY_POLL_MS,
        WORKER_CONCURRENCY: config.WORKER_CONCURRENCY,
      },
    };
  } finally {
    await watch.close();
    await pool.end();
    await redis.quit().catch(() => redis.disconnect());
  }
}
