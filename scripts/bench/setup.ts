import type { Connection } from 'mysql2/promise';
import { AppConfig } from '../../src/config/config';
import { fakeUser } from './fake-users';
import { startProcesses } from './phases';
import {
  connectDb,
  deleteRedisKeys,
  QueueWatch,
  skipSeededHistory,
  waitForIdle,
  waitForLogs,
} from './pipeline';
import { preflight, Preflight } from './scenarios';
import { resetDatabase, SeedResult, seedUsers } from './seed';
import { ServerProcess } from './server';
import { createSessions, sessionPreflight } from './sessions';
import { UserPools } from './user-pools';

const SLOW_SEED_SECONDS = 240;

/** A fresh database (dropped, migrated) with `users` seeded users; prints what it does. */
export async function seedDatabase(url: string, config: AppConfig, users: number): Promise<SeedResult> {
  console.log('Database identity_bench: dropping and recreating it (fresh every run), running migrations');
  await resetDatabase(url);
  console.log(
    `Seeding ${users.toLocaleString('en-US')} users through the event store (32 workers at READ COMMITTED, one argon2 hash reused)`,
  );
  const seed = await seedUsers(url, config, users);
  console.log(
    `  seeded ${seed.users.toLocaleString('en-US')} users (${seed.events.toLocaleString('en-US')} events) in ` +
      `${seed.seconds.toFixed(1)} s: ${Math.round(seed.usersPerSecond).toLocaleString('en-US')} users/s`,
  );
  if (seed.deadlockRetries > 0) {
    console.log(
      `  ${seed.deadlockRetries.toLocaleString('en-US')} appends were retried after a deadlock ` +
        '(ER_LOCK_DEADLOCK, reported by the store as ConcurrencyError)',
    );
  }
  if (seed.seconds > SLOW_SEED_SECONDS) {
    console.log(`  NOTE: seeding took longer than ${SLOW_SEED_SECONDS} s on this machine`);
  }
  return seed;
}

export interface SetUp {
  api: ServerProcess;
  worker: ServerProcess;
  db: Connection;
  watch: QueueWatch;
  checks: Preflight;
  /** The 200 session secrets for GET /v1/account. */
  secrets: string[];
  headers: Record<string, string>;
  projectHeaders: Record<string, string>;
  tag: string;
  /** The last seeded position: the worker delivers what comes after it. */
  seeded: number;
}

interface Options {
  env: Record<string, string>;
  config: AppConfig;
  apiKey: string;
  projectId: string;
  databaseUrl: string;
  ids: string[];
  pools: UserPools;
}

/**
 * After seeding: marks the seeded history delivered, starts the API and the worker, checks every route once
 * (and that events reach activity_logs through the worker), and creates the sessions the scenarios use.
 */
export async function setUp(
  { env, config, apiKey, projectId, databaseUrl, ids, pools }: Options,
  started: (child: ServerProcess) => void,
  cleanup: (step: () => Promise<unknown>) => void,
): Promise<SetUp> {
  const prefix = config.QUEUE_PREFIX;
  const idOf = (index: number) => ids[index];
  const db = await connectDb(databaseUrl);
  const watch = new QueueWatch(config.REDIS_URL, prefix);
  cleanup(() => db.end());
  cleanup(() => watch.close());
  cleanup(async () => {
    console.log(`Deleted ${await deleteRedisKeys(config.REDIS_URL, prefix)} Redis keys matching *${prefix}*`);
  });
  const seeded = await skipSeededHistory(db, prefix);
  console.log(
    `Relay checkpoint of ${prefix} set to position ${seeded}: the seeded history counts as delivered`,
  );

  console.log('\nStarting the API and the worker (node dist/src/main.js, ROLE=api and ROLE=worker) …');
  const { api, worker } = await startProcesses(env, started);
  console.log(
    `  API ready at ${api.url} (pid ${api.pid}); worker pid ${worker.pid}, its metrics at ${worker.url}`,
  );
  const headers = { 'x-appwrite-project': projectId, 'x-appwrite-key': apiKey };
  const projectHeaders = { 'x-appwrite-project': projectId };
  const tag = Date.now().toString(36);
  const checks = await preflight(api.url, headers, pools.general, tag);
  const reached = await waitForLogs(db, seeded, 2);
  console.log(
    `  pipeline OK: the preflight's events reached activity_logs through the worker in ${reached.toFixed(0)} ms`,
  );
  const totals = (t: Record<string, number>) =>
    Object.entries(t).map(([term, n]) => `"${term}" ${n.toLocaleString('en-US')}`);
  console.log(`  preflight OK; matches per term (total, capped at 5,000):`);
  console.log(`    search=: ${totals(checks.searchTotals).join(', ')}`);
  console.log(`    search() query: ${totals(checks.searchMethodTotals).join(', ')}`);
  if (!checks.searchHonoured) {
    console.log(
      '  WARNING: GET /v1/users ignores `search=` (the pages hold users without the term): that scenario ' +
        'measures an unfiltered list. The search() query row below is the same token search, working.',
    );
  }

  const { account, login, revokeIdle, revokeLoad } = pools.reserved;
  const secrets = (await createSessions(api.url, headers, account.map(idOf), () => 5)).flat();
  const revokeIds = [...revokeIdle, ...revokeLoad].map(idOf);
  const revokeSessions = (await createSessions(api.url, headers, revokeIds, (i) => 2 + (i % 2))).flat();
  const server = { secret: secrets[0], userId: idOf(account[0]) };
  const loginUser = { email: fakeUser(login[0]).email, userId: idOf(login[0]) };
  await sessionPreflight(api.url, projectHeaders, server, loginUser, projectId);
  console.log(
    `  sessions: ${secrets.length} secrets for GET /v1/account (${account.length} users × 5), ` +
      `${revokeSessions.length} on the ${revokeIds.length} revocation users (2-3 each); a seeded user logs ` +
      'in with the seed password and its cookie validates',
  );
  // The scenarios start with the worker idle (these sessions' events are in the activity log already).
  await waitForIdle(db, watch, worker.url, seeded);
  return { api, worker, db, watch, checks, secrets, headers, projectHeaders, tag, seeded };
}
