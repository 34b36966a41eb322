import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { readdirSync, readFileSync } from 'node:fs';
import { Connection, createConnection, RowDataPacket } from 'mysql2/promise';
import { poolOptionsFromUrl } from '../../src/database/database-url';
import { queuePrefix } from '../../src/relay/queue-connection';
import { relayCheckpointName } from '../../src/relay/relay-checkpoints';
import { EVENT_SUBSCRIPTIONS } from '../../src/worker.module';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A plain mysql2 connection to the bench database (`timezone: 'Z'`, as the service's pool). */
export async function connectDb(url: string): Promise<Connection> {
  const { connectionLimit: _unused, ...options } = poolOptionsFromUrl(url, 1);
  return createConnection(options);
}

async function scalar(db: Connection, sql: string, params: unknown[] = []): Promise<number> {
  const [rows] = await db.query<RowDataPacket[]>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

export const maxPosition = (db: Connection) =>
  scalar(db, 'SELECT COALESCE(MAX(position), 0) AS n FROM events');

/**
 * Marks every event so far (the seeded history) as delivered for this run's relay, before the worker starts:
 * otherwise its relay would begin by pushing the ~112k seeding events through BullMQ while the scenarios run.
 */
export async function skipSeededHistory(db: Connection, prefix: string): Promise<number> {
  const position = await maxPosition(db);
  await db.query(
    'INSERT INTO relay_checkpoints (name, position, updated_at) VALUES (?, ?, NOW(3)) ' +
      'ON DUPLICATE KEY UPDATE position = VALUES(position), updated_at = NOW(3)',
    [relayCheckpointName(prefix), position],
  );
  return position;
}

/** Read-only handles on this run's BullMQ queues, to see whether the workers have caught up. */
export class QueueWatch {
  private readonly connection: IORedis;
  private readonly queues: Queue[];

  constructor(redisUrl: string, prefix: string) {
    this.connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    this.queues = EVENT_SUBSCRIPTIONS.map(
      ({ queue }) =>
        new Queue(queue, { connection: this.connection, prefix: queuePrefix({ QUEUE_PREFIX: prefix }) }),
    );
  }

  /** Jobs not finished yet (waiting, active, delayed, prioritized), per queue name. */
  async pending(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const queue of this.queues) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      out[queue.name] = Object.values(counts).reduce((sum, n) => sum + n, 0);
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}

/** A counter or gauge from a Prometheus text (the first sample), or undefined. */
export function metricValue(text: string, name: string): number | undefined {
  const value = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1];
  return value === undefined ? undefined : Number(value);
}

/**
 * Waits until the worker's relay has enqueued every event appended after `after` (its `relay_events_total`
 * against the events table: the relay checkpoint is no use here, it waits up to 60 s behind the position
 * of a rolled-back append) and no queue holds unfinished jobs, so a measurement does not start on top of an
 * earlier scenario's backlog. Returns the seconds waited.
 */
export async function waitForIdle(
  db: Connection,
  watch: QueueWatch,
  workerUrl: string,
  after: number,
  timeoutMs = 120_000,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${workerUrl}/metrics`, { signal: AbortSignal.timeout(5000) });
    const relayed = metricValue(await response.text(), 'relay_events_total') ?? 0;
    const appended = await scalar(db, 'SELECT COUNT(*) AS n FROM events WHERE position > ?', [after]);
    const pending = await watch.pending();
    const jobs = Object.values(pending).reduce((sum, n) => sum + n, 0);
    if (relayed >= appended && jobs === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) {
      throw new Error(
        `the worker did not catch up within ${timeoutMs / 1000} s ` +
          `(${relayed} of ${appended} events relayed; unfinished jobs ${JSON.stringify(pending)})`,
      );
    }
    await sleep(100);
  }
}

/** Waits until `activity_logs` holds `rows` rows of events after `position` (the pipeline works end to end). */
export async function waitForLogs(db: Connection, position: number, rows: number, timeoutMs = 30_000) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const found = await scalar(db, 'SELECT COUNT(*) AS n FROM activity_logs WHERE position > ?', [position]);
    if (found >= rows) return performance.now() - started;
    await sleep(50);
  }
  throw new Error(
    `activity_logs did not get ${rows} rows after position ${position} within ${timeoutMs / 1000} s`,
  );
}

/** Deletes every Redis key of this run (BullMQ `{prefix}:…`, login limiter `prefix:…`). Returns the count. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
  return deleted;
}

/** User + system CPU seconds of a process (Linux /proc), or null when it cannot be read. */
export function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The pid of the first process whose command name is `name` (e.g. `mariadbd`), if any. */
export function findPid(name: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** `count` and `sum` of a Prometheus histogram in a /metrics text, or undefined when absent. */
export function histogramTotals(
  text: string,
  name: string,
): { count: number; sumSeconds: number } | undefined {
  const value = (suffix: string) =>
    new RegExp(`^${name}_${suffix}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1];
  const count = value('count');
  const sum = value('sum');
  return count === undefined || sum === undefined
    ? undefined
    : { count: Number(count), sumSeconds: Number(sum) };
}
