import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { AppConfig } from '../../src/config/config';
import { fmt } from './format';
import { findPid, histogramTotals, QueueWatch, waitForIdle } from './pipeline';
import { measureRelay, RELAY_EVENTS, RelayResult } from './relay-throughput';
import { measureRevocation, RevocationRun, startBackgroundRenames } from './revocation';
import { ServerProcess } from './server';

const BACKGROUND_CONNECTIONS = 8;
const BACKGROUND_RAMP_MS = 1000;

/** What the phases after the autocannon scenarios share. */
export interface Bench {
  api: ServerProcess;
  worker: ServerProcess;
  db: Connection;
  watch: QueueWatch;
  config: AppConfig;
  keyHeaders: Record<string, string>;
  seeded: number;
}

/**
 * The API (ROLE=api, `dist/src/main.js`) and the worker (ROLE=worker: the relay and the BullMQ processors,
 * with the bench's metrics side port, see worker-main.ts) in two child processes, as deployed.
 */
export async function startProcesses(
  env: Record<string, string>,
  started: (process: ServerProcess) => void,
): Promise<{ api: ServerProcess; worker: ServerProcess }> {
  const launch = async (role: string, entry?: string) => {
    const label = role === 'api' ? 'server' : role;
    const child = await ServerProcess.start({ ...env, ROLE: role }, { entry, label });
    started(child);
    return child;
  };
  const [api, worker] = await Promise.all([
    launch('api'),
    launch('worker', join(__dirname, 'worker-main.js')),
  ]);
  return { api, worker };
}

export async function idle(bench: Bench): Promise<void> {
  const waited = await waitForIdle(bench.db, bench.watch, bench.worker.url, bench.seeded);
  bench.worker.assertAlive();
  if (waited > 0.5) console.log(`  (waited ${fmt(waited, 1)} s for the worker to finish earlier events)`);
}

async function revocationHistogram(bench: Bench) {
  const response = await fetch(`${bench.worker.url}/metrics`, { signal: AbortSignal.timeout(5000) });
  return (
    histogramTotals(await response.text(), 'session_revocation_lag_seconds') ?? { count: 0, sumSeconds: 0 }
  );
}

/**
 * The revocation lag over 100 users on an idle server, then over 100 others while PATCH …/name runs at
 * c8 on 1,000 other users. Each run gets the worker histogram's increase over it.
 */
export async function revocationPhase(
  bench: Bench,
  idleIds: string[],
  loadIds: string[],
  backgroundIds: string[],
): Promise<RevocationRun[]> {
  const url = bench.api.url;
  const report = (run: RevocationRun) =>
    console.log(
      `p50 ${fmt(run.lag.p50, 1)} ms, p99 ${fmt(run.lag.p99, 1)} ms, max ${fmt(run.lag.max, 1)} ms` +
        (run.misses > 0 ? `, ${run.misses} MISSES` : ''),
    );
  await idle(bench);
  process.stdout.write(`- revocation lag, idle: ${idleIds.length} users one by one … `);
  const before = await revocationHistogram(bench);
  const quiet = await measureRevocation('idle', url, bench.keyHeaders, bench.db, idleIds);
  const middle = await revocationHistogram(bench);
  quiet.histogram = { count: middle.count - before.count, sumSeconds: middle.sumSeconds - before.sumSeconds };
  report(quiet);

  await idle(bench);
  process.stdout.write(
    `- revocation lag, under load (PATCH /v1/users/{id}/name at c${BACKGROUND_CONNECTIONS} meanwhile): ` +
      `${loadIds.length} users … `,
  );
  const background = startBackgroundRenames(url, bench.keyHeaders, backgroundIds, BACKGROUND_CONNECTIONS);
  await new Promise((resolve) => setTimeout(resolve, BACKGROUND_RAMP_MS));
  let loaded: RevocationRun;
  try {
    loaded = await measureRevocation('under load', url, bench.keyHeaders, bench.db, loadIds);
  } catch (error) {
    await background.stop().catch(() => undefined);
    throw error;
  }
  loaded.background = await background.stop();
  bench.api.assertAlive();
  const after = await revocationHistogram(bench);
  loaded.histogram = { count: after.count - middle.count, sumSeconds: after.sumSeconds - middle.sumSeconds };
  report(loaded);
  return [quiet, loaded];
}

/** 20,000 events through relay → BullMQ → activity_logs, once the worker has nothing else to do. */
export async function relayPhase(
  bench: Bench,
  databaseUrl: string,
  relayIds: string[],
): Promise<RelayResult> {
  await idle(bench);
  process.stdout.write(`- relay throughput: ${fmt(RELAY_EVENTS)} events appended through the event store … `);
  const pids = {
    'API process': bench.api.pid,
    'worker process': bench.worker.pid,
    mariadbd: findPid('mariadbd') ?? findPid('mysqld'),
    'redis-server': findPid('redis-server'),
  };
  const relay = await measureRelay(databaseUrl, bench.config, bench.db, relayIds, pids, bench.worker.url);
  bench.worker.assertAlive();
  console.log(
    relay.eventsPerSecond === null
      ? `NOT DONE within 5 min (${fmt(relay.rows)} rows)`
      : `${fmt(relay.eventsPerSecond)} events/s end to end (appends ${fmt(relay.appendEventsPerSecond)} events/s)`,
  );
  return relay;
}
