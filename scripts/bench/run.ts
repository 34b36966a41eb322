import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { Argon2Reference, measureArgon2 } from './argon2-reference';
import { fakeUser } from './fake-users';
import { runScenario, Scenario, ScenarioResult, WARMUP_SECONDS } from './load';
import { importedLoginPhase } from './imported-logins';
import { relayPhase, revocationPhase } from './phases';
import { buildReport, environment, printReport, writeReport } from './report';
import { apiScenarios, baselineScenario, NAMES } from './scenarios';
import { seededIds } from './seed';
import { ServerProcess } from './server';
import { accountScenario, loginScenario, SESSION_NAMES } from './sessions';
import { seedDatabase, setUp } from './setup';
import { userPools } from './user-pools';

const DATABASE_URL = 'mysql://root@127.0.0.1:3306/identity_bench';
const PROJECT_ID = 'bench';
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

let processes: ServerProcess[] = [];
/** Run once the processes are stopped: close the bench's connections, delete the run's Redis keys. */
const cleanup: Array<() => Promise<unknown>> = [];

async function main(): Promise<void> {
  const users = intEnv('BENCH_USERS', 100_000, 1, 10_000_000);
  const seconds = intEnv('BENCH_DURATION', 10, 1, 600);
  const read = intEnv('BENCH_CONNECTIONS', 16, 1, 1024);
  const write = intEnv('BENCH_WRITE_CONNECTIONS', read, 1, 1024);
  const apiKey = `bench-${randomBytes(24).toString('hex')}`;
  // A fresh prefix per run: no job, checkpoint or limiter key of an earlier run can mix in.
  const prefix = `bench-${Date.now()}`;
  const serverEnv = {
    DATABASE_URL,
    API_KEY: apiKey,
    // The seed seals with the same master key the server then reads with (a fresh database each run).
    DATA_KEY: randomBytes(32).toString('base64'),
    PROJECT_ID,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: prefix,
    // Only failed logins count, but the bench logs in thousands of times from one IP: no 429 may creep in.
    LOGIN_RATE_LIMIT_EMAIL: '100000',
    LOGIN_RATE_LIMIT_IP: '1000000',
  };
  // The same environment the server gets, so the argon2 parameters below are the server's.
  const config = loadConfig({ ...process.env, ...serverEnv });
  const env = environment();
  const ids = seededIds(users);
  const pools = userPools(ids); // fails at once when BENCH_USERS is too small
  const idOf = (index: number) => ids[index];

  console.log('identity-service benchmark (npm run bench)');
  console.log(`  Node ${env.node}; ${env.os}; CPU ${env.cpu} × ${env.cores} cores; ${env.date}`);
  console.log(
    `  ${users.toLocaleString('en-US')} users; ${seconds} s per scenario after a ${WARMUP_SECONDS} s warm-up; ` +
      `reads at c${read}, writes at c${write}; autocannon in this process, the service in child processes`,
  );
  console.log(
    '  server: the API (ROLE=api) and the worker (ROLE=worker: relay + BullMQ processors) in two child processes, ' +
      `as deployed; LOG_LEVEL=warn (request logging off); QUEUE_PREFIX=${prefix}; default pool, argon2, ` +
      `SESSION_LIMIT (${config.SESSION_LIMIT}) and relay/worker settings; failed-login limits raised\n`,
  );

  const seed = await seedDatabase(DATABASE_URL, config, users);
  const { api, worker, db, watch, checks, secrets, headers, projectHeaders, tag, seeded } = await setUp(
    { env: serverEnv, config, apiKey, projectId: PROJECT_ID, databaseUrl: DATABASE_URL, ids, pools },
    (child) => processes.push(child),
    (step) => cleanup.push(step),
  );
  const { login, revokeIdle, revokeLoad, background, relay } = pools.reserved;

  const params = {
    memoryCost: config.ARGON2_MEMORY_COST,
    timeCost: config.ARGON2_TIME_COST,
    parallelism: config.ARGON2_PARALLELISM,
  };
  const first = baselineScenario('baseline GET /health/live (first)', read);
  const last = baselineScenario('baseline GET /health/live (last)', read);
  const results: ScenarioResult[] = [];
  const argon2: Argon2Reference[] = [];
  // argon2 references right before and after POST and login (server idle): the same machine as they saw.
  const reference = async (when: string, around: string[]) => {
    process.stdout.write(`- argon2id reference ${when}: 8 concurrent hashes for 5 s in this process … `);
    argon2.push({ ...(await measureArgon2(params)), when, for: around });
    console.log(`${argon2[argon2.length - 1].hashesPerSecond.toFixed(1)} hashes/s`);
  };
  const general = apiScenarios(pools.general, read, write, tag);
  const named = (name: string) => general.find((s) => s.name === name) as Scenario;
  const scenarios = [
    first,
    named(NAMES.get),
    accountScenario(secrets, read, projectHeaders),
    named(NAMES.list),
    named(NAMES.searchMethod),
    named(NAMES.create),
    loginScenario(
      login.map((i) => fakeUser(i).email),
      write,
      projectHeaders,
    ),
    named(NAMES.rename),
    last,
  ];
  console.log('');
  for (const scenario of scenarios) {
    if (scenario.name === NAMES.create) await reference('before POST', ['POST']);
    results.push(await runScenario(api, headers, scenario, seconds, worker));
    if (scenario.name === NAMES.create) await reference('after POST, before login', ['POST', 'login']);
    if (scenario.name === SESSION_NAMES.login) await reference('after login', ['login']);
  }
  const bench = { api, worker, db, watch, config, keyHeaders: headers, seeded };
  const loginRps = results.find((r) => r.name === SESSION_NAMES.login)?.rps ?? 0;
  const imported = await importedLoginPhase(bench, projectHeaders, write, loginRps);
  const revocation = await revocationPhase(
    bench,
    revokeIdle.map(idOf),
    revokeLoad.map(idOf),
    background.map(idOf),
  );
  const relayResult = await relayPhase(bench, DATABASE_URL, relay.map(idOf));

  const settings = {
    users,
    secondsPerScenario: seconds,
    warmupSeconds: WARMUP_SECONDS,
    read,
    write,
    requestLogging: false,
    processes: 'API (ROLE=api) and worker (ROLE=worker) in two child processes',
    queuePrefix: prefix,
    relayBatchSize: config.RELAY_BATCH_SIZE,
    relayPollMs: config.RELAY_POLL_MS,
    workerConcurrency: config.WORKER_CONCURRENCY,
    sessionLimit: config.SESSION_LIMIT,
  };
  const report = buildReport(
    { environment: env, settings, seed, checks, argon2, imported, revocation, relay: relayResult },
    results,
    [first.name, last.name],
  );
  printReport(report);
  writeReport(RESULTS_PATH, report);
  console.log(`Results written to ${RESULTS_PATH}`);
}

async function stopServer(): Promise<void> {
  const running = processes;
  processes = [];
  await Promise.all(running.map((child) => child.stop()));
  for (const step of cleanup.splice(0)) await step().catch(() => undefined);
}

const started = Date.now();
const watchdog = setTimeout(() => {
  console.error(`\nbench: still running after ${WATCHDOG_MS / 60000} min; giving up`);
  for (const child of processes) child.killNow();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal} received, stopping the API and the worker`);
    void stopServer().finally(() => process.exit(130));
  });
}
// Whatever happens, the child does not outlive this process.
process.on('exit', () => processes.forEach((child) => child.killNow()));

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
