import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { Argon2Reference, measureArgon2 } from './argon2-reference';
import { runScenario, ScenarioResult, WARMUP_SECONDS } from './load';
import { buildReport, environment, printReport, writeReport } from './report';
import { apiScenarios, baselineScenario, NAMES, preflight } from './scenarios';
import { resetDatabase, seededIds, seedUsers } from './seed';
import { ServerProcess } from './server';

const DATABASE_URL = 'mysql://root@127.0.0.1:3306/identity_bench';
const PROJECT_ID = 'bench';
const SLOW_SEED_SECONDS = 240;
const WATCHDOG_MS = 30 * 60 * 1000;
/** dist/bench-results.json (this file runs as dist/scripts/bench/run.js). */
const RESULTS_PATH = join(__dirname, '..', '..', 'bench-results.json');

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

let server: ServerProcess | undefined;

async function main(): Promise<void> {
  const users = intEnv('BENCH_USERS', 100_000, 1, 10_000_000);
  const seconds = intEnv('BENCH_DURATION', 10, 1, 600);
  const read = intEnv('BENCH_CONNECTIONS', 16, 1, 1024);
  const write = intEnv('BENCH_WRITE_CONNECTIONS', read, 1, 1024);
  const apiKey = `bench-${randomBytes(24).toString('hex')}`;
  const serverEnv = {
    ROLE: 'api',
    DATABASE_URL,
    API_KEY: apiKey,
    PROJECT_ID,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: 'bench',
  };
  // The same environment the server gets, so the argon2 parameters below are the server's.
  const config = loadConfig({ ...process.env, ...serverEnv });
  const env = environment();

  console.log('identity-service benchmark (npm run bench)');
  console.log(`  Node ${env.node}; ${env.os}; CPU ${env.cpu} × ${env.cores} cores; ${env.date}`);
  console.log(
    `  ${users.toLocaleString('en-US')} users; ${seconds} s per scenario after a ${WARMUP_SECONDS} s warm-up; ` +
      `reads at c${read}, writes at c${write}; autocannon in this process, the server in a child process`,
  );
  console.log('  server: ROLE=api, LOG_LEVEL=warn (request logging off), default pool and argon2 settings\n');

  console.log('Database identity_bench: dropping and recreating it (fresh every run), running migrations');
  await resetDatabase(DATABASE_URL);
  console.log(
    `Seeding ${users.toLocaleString('en-US')} users through the event store (32 workers at READ COMMITTED, one argon2 hash reused)`,
  );
  const seed = await seedUsers(DATABASE_URL, config, users);
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
  const ids = seededIds(users);

  console.log('\nStarting the server (node dist/src/main.js) …');
  server = await ServerProcess.start(serverEnv);
  console.log(`  ready at ${server.url} (pid ${server.pid})`);
  const headers = { 'x-appwrite-project': PROJECT_ID, 'x-appwrite-key': apiKey };
  const tag = Date.now().toString(36);
  const checks = await preflight(server.url, headers, ids, tag);
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

  const params = {
    memoryCost: config.ARGON2_MEMORY_COST,
    timeCost: config.ARGON2_TIME_COST,
    parallelism: config.ARGON2_PARALLELISM,
  };
  const first = baselineScenario('baseline GET /health/live (first)', read);
  const last = baselineScenario('baseline GET /health/live (last)', read);
  const results: ScenarioResult[] = [];
  const argon2: Argon2Reference[] = [];
  // The argon2 reference runs right before and right after POST (server idle), so it sees the same machine.
  const reference = async (when: string) => {
    process.stdout.write(`- argon2id reference ${when}: 8 concurrent hashes for 5 s in this process … `);
    argon2.push(await measureArgon2(params));
    console.log(`${argon2[argon2.length - 1].hashesPerSecond.toFixed(1)} hashes/s`);
  };
  console.log('');
  for (const scenario of [first, ...apiScenarios(ids, read, write, tag), last]) {
    if (scenario.name === NAMES.create) await reference('(before POST)');
    results.push(await runScenario(server, headers, scenario, seconds));
    if (scenario.name === NAMES.create) await reference('(after POST)');
  }

  const settings = {
    users,
    secondsPerScenario: seconds,
    warmupSeconds: WARMUP_SECONDS,
    read,
    write,
    requestLogging: false,
  };
  const report = buildReport({ environment: env, settings, seed, checks, argon2 }, results, [
    first.name,
    last.name,
  ]);
  printReport(report);
  writeReport(RESULTS_PATH, report);
  console.log(`Results written to ${RESULTS_PATH}`);
}

async function stopServer(): Promise<void> {
  const running = server;
  server = undefined;
  if (running) await running.stop();
}

const started = Date.now();
const watchdog = setTimeout(() => {
  console.error(`\nbench: still running after ${WATCHDOG_MS / 60000} min; giving up`);
  server?.killNow();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal} received, stopping the server`);
    void stopServer().finally(() => process.exit(130));
  });
}
// Whatever happens, the child does not outlive this process.
process.on('exit', () => server?.killNow());

main()
  .then(async () => {
    await stopServer();
    console.log(`Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(
      `\nbench FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    await stopServer().catch(() => undefined);
    process.exit(1);
  });
