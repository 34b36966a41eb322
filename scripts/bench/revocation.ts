import autocannon from 'autocannon';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { percentile } from './load';

const POLL_MS = 2;
const GIVE_UP_MS = 5000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LagStats {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export interface RevocationRun {
  name: string;
  users: number;
  sessions: number;
  /** PATCH answer → the first poll of the read table that saw no live session (ms; misses excluded). */
  lag: LagStats;
  /** Users whose sessions were all revoked already at the first poll, sent on the answer: lag counted 0. */
  revokedAtAnswer: number;
  /** Users still holding a live session 5 s after the answer (left out of the percentiles). */
  misses: number;
  /** The PATCH call itself (request sent → answer), and request sent → revoked (better-auth's measure). */
  patch: LagStats;
  fromRequest: LagStats;
  /** MAX(revoked_at) (the revoking event's occurred_at) − PATCH answer: negative = revoked before it. */
  revokedAtMinusAnswer: LagStats;
  background?: BackgroundLoad;
  /** The worker's `session_revocation_lag_seconds` over this run (event occurred_at → revoked, per session). */
  histogram?: { count: number; sumSeconds: number };
}

export interface BackgroundLoad {
  name: string;
  connections: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function stats(values: number[]): LagStats {
  const sorted = Float64Array.from(values).sort();
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN;
  const max = sorted.length ? sorted[sorted.length - 1] : NaN;
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max, mean };
}

async function liveSessions(db: Connection, userId: string): Promise<number> {
  const [rows] = await db.execute<RowDataPacket[]>(
    'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND revoked_at IS NULL',
    [userId],
  );
  return Number(rows[0].n);
}

/**
 * One user after the other: `PATCH /v1/users/{id}/status {status:false}`, then poll the sessions read table
 * every 2 ms (one mysql2 connection) until the user has no live session, for at most 5 s.
 */
export async function measureRevocation(
  name: string,
  url: string,
  keyHeaders: Record<string, string>,
  db: Connection,
  userIds: string[],
): Promise<RevocationRun> {
  const lags: number[] = [];
  const patches: number[] = [];
  const fromRequest: number[] = [];
  const dbLags: number[] = [];
  let sessions = 0;
  let misses = 0;
  let atAnswer = 0;
  for (const userId of userIds) {
    const live = await liveSessions(db, userId);
    if (live < 1) throw new Error(`revocation: user ${userId} has no live session to revoke`);
    sessions += live;
    const sent = performance.now();
    const response = await fetch(`${url}/v1/users/${userId}/status`, {
      method: 'PATCH',
      headers: { ...keyHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ status: false }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    const t0 = performance.now();
    const t0Wall = Date.now();
    if (response.status !== 200) {
      throw new Error(`PATCH /v1/users/${userId}/status answered ${response.status}: ${text.slice(0, 300)}`);
    }
    let done: number | undefined;
    for (let poll = 0; performance.now() - t0 < GIVE_UP_MS; poll++) {
      const remaining = await liveSessions(db, userId);
      if (remaining === 0) {
        if (poll === 0) atAnswer += 1;
        done = poll === 0 ? t0 : performance.now();
        break;
      }
      await sleep(POLL_MS);
    }
    patches.push(t0 - sent);
    if (done === undefined) {
      misses += 1;
      continue;
    }
    lags.push(done - t0);
    fromRequest.push(done - sent);
    const [rows] = await db.execute<RowDataPacket[]>(
      'SELECT MAX(revoked_at) AS at FROM sessions WHERE user_id = ?',
      [userId],
    );
    dbLags.push((rows[0].at as Date).getTime() - t0Wall);
  }
  return {
    name,
    users: userIds.length,
    sessions,
    lag: stats(lags),
    revokedAtAnswer: atAnswer,
    misses,
    patch: stats(patches),
    fromRequest: stats(fromRequest),
    revokedAtMinusAnswer: stats(dbLags),
  };
}

/**
 * A closed-loop write load that runs until stopped: `PATCH /v1/users/{id}/name` over `userIds` at
 * `connections` connections (every rename is an event for the relay and the activity-log worker).
 */
export function startBackgroundRenames(
  url: string,
  keyHeaders: Record<string, string>,
  userIds: string[],
  connections: number,
): { stop: () => Promise<BackgroundLoad> } {
  let n = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  let stopper: () => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: 600,
        headers: { ...keyHeaders, 'content-type': 'application/json' },
        timeout: 10,
        requests: [
          {
            method: 'PATCH',
            setupRequest: (request: autocannon.Request) => ({
              ...request,
              path: `/v1/users/${userIds[n % userIds.length]}/name`,
              body: JSON.stringify({ name: `Background Rename ${n++}` }),
            }),
          },
        ],
      },
      (error: unknown, result: autocannon.Result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode > 299) non2xx += 1;
    });
    stopper = () => instance.stop();
  });
  return {
    stop: async () => {
      const seconds = (performance.now() - started) / 1000;
      stopper();
      const result = await finished;
      const sorted = Float64Array.from(latencies).sort();
      return {
        name: 'PATCH /v1/users/{id}/name (background)',
        connections,
        seconds,
        rps: sorted.length / seconds,
        p50: percentile(sorted, 0.5),
        p99: percentile(sorted, 0.99),
        non2xx,
        errors: result.errors,
      };
    },
  };
}
