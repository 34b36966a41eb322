import type { Request } from 'autocannon';
import { Argon2Params } from '@libs/passwords';
import { fmt } from './format';
import { checkUpgrades, waitForQuietApi } from './imported-checks';
import { ImportedHash, makeImportedHashes } from './imported-hashes';
import { runScenario, Scenario, ScenarioResult } from './load';
import { Bench, idle } from './phases';
import { ServerProcess } from './server';

export const IMPORTED_SECONDS = 5;
const WARMUP = 1;
const IMPORT_PARALLEL = 8;
/** Users per algorithm: the login req/s seen so far × the seconds × this margin, at least MIN_USERS. */
const MARGIN = 1.5;
const MIN_USERS = 400;
const MIN_WARMUP_USERS = 50;
const JSON_HEADERS = { 'content-type': 'application/json' };

export interface ImportedLoginRow {
  name: string;
  route: string;
  upgrades: boolean;
  /** Users imported for the measured run (the warm-up had `warmupUsers` others). */
  users: number;
  warmupUsers: number;
  result: ScenarioResult;
  /** Logins sent in the measured run, each to a different user unless the pool ran out (`reused`). */
  requested: number;
  reused: number;
  /** Of the users logged in: stored as argon2id at the current parameters with a new hash afterwards. */
  upgraded: number;
  /** A second login of one of them answered 201 and left its (upgraded) hash as it was. */
  secondLogin: boolean;
}

export interface ImportedLogins {
  importedVia: string;
  imported: number;
  importSeconds: number;
  currentParams: Argon2Params;
  rows: ImportedLoginRow[];
}

interface Pool {
  hash: ImportedHash;
  warmup: string[];
  measured: string[];
}

const userId = (algo: number, i: number) => `imported-${algo}-${i}`;
const email = (algo: number, i: number) => `imported${algo}.${i}@import.bench.test`;

/** `POST /v1/users/{route}` for every user of every pool, IMPORT_PARALLEL requests in flight. */
async function importUsers(bench: Bench, pools: Pool[]): Promise<number> {
  const jobs = pools.flatMap((pool, algo) =>
    [...pool.warmup, ...pool.measured].map((address, i) => ({ pool, algo, address, i })),
  );
  let next = 0;
  const lane = async () => {
    for (let j = next++; j < jobs.length; j = next++) {
      const { pool, algo, address, i } = jobs[j];
      const body = { ...pool.hash.body, userId: userId(algo, i), email: address, name: `Imported ${i}` };
      const path = `/v1/users/${pool.hash.route}`;
      const response = await fetch(`${bench.api.url}${path}`, {
        method: 'POST',
        headers: { ...bench.keyHeaders, ...JSON_HEADERS },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
    }
  };
  await Promise.all(Array.from({ length: IMPORT_PARALLEL }, lane));
  return jobs.length;
}

/**
 * Logins cycling over the warm-up users, then (once the server has finished the warm-up's dropped requests)
 * over the measured ones: each user once (see `reused`).
 */
function importedLoginScenario(
  api: ServerProcess,
  pool: Pool,
  connections: number,
  headers: Record<string, string>,
) {
  const state = { users: pool.warmup, n: 0, reused: 0 };
  const scenario: Scenario = {
    name: `login, ${pool.hash.name}`,
    connections,
    headers,
    warmupSeconds: WARMUP,
    beforeMeasure: async () => {
      await waitForQuietApi(api);
      Object.assign(state, { users: pool.measured, n: 0, reused: 0 });
    },
    requests: [
      {
        method: 'POST',
        path: '/v1/account/sessions/email',
        headers: JSON_HEADERS,
        setupRequest: (request: Request) => {
          if (state.n >= state.users.length) state.reused += 1;
          const address = state.users[state.n++ % state.users.length];
          return { ...request, body: JSON.stringify({ email: address, password: pool.hash.password }) };
        },
      },
    ],
  };
  return { scenario, state };
}

/**
 * Login per import algorithm: one hash made here per algorithm, users imported through the API (their own
 * pool per algorithm: a warm-up pool and a measured one), logins at c`connections` cycling over the measured
 * users once each; afterwards the read table must hold them as argon2id at the current parameters.
 */
export async function importedLoginPhase(
  bench: Bench,
  projectHeaders: Record<string, string>,
  connections: number,
  loginRps: number,
): Promise<ImportedLogins> {
  const c = bench.config;
  const params = {
    memoryCost: c.ARGON2_MEMORY_COST,
    timeCost: c.ARGON2_TIME_COST,
    parallelism: c.ARGON2_PARALLELISM,
  };
  const rate = Number.isFinite(loginRps) ? loginRps : 0;
  const measuredCount = Math.max(MIN_USERS, Math.ceil(rate * IMPORTED_SECONDS * MARGIN));
  const warmupCount = Math.max(MIN_WARMUP_USERS, Math.ceil(rate * WARMUP * MARGIN));
  process.stdout.write('- imported hashes: making one per algorithm (verified with libs/passwords) … ');
  const hashes = await makeImportedHashes(params);
  const pools: Pool[] = hashes.map((hash, algo) => ({
    hash,
    warmup: Array.from({ length: warmupCount }, (_, i) => email(algo, i)),
    measured: Array.from({ length: measuredCount }, (_, i) => email(algo, warmupCount + i)),
  }));
  const started = performance.now();
  const imported = await importUsers(bench, pools);
  const importSeconds = (performance.now() - started) / 1000;
  console.log(
    `imported ${fmt(imported)} users through POST /v1/users/{algorithm} (c${IMPORT_PARALLEL}) in ` +
      `${fmt(importSeconds, 1)} s: ${pools.length} algorithms × (${warmupCount} warm-up + ${measuredCount} measured)`,
  );

  const rows: ImportedLoginRow[] = [];
  for (const pool of pools) {
    await idle(bench);
    const { scenario, state } = importedLoginScenario(bench.api, pool, connections, projectHeaders);
    const result = await runScenario(bench.api, projectHeaders, scenario, IMPORTED_SECONDS, bench.worker);
    const loggedIn = pool.measured.slice(0, Math.min(state.n, pool.measured.length));
    const { upgraded, status, unchanged } = await checkUpgrades(
      bench,
      pool.hash,
      loggedIn,
      params,
      projectHeaders,
    );
    const row: ImportedLoginRow = {
      name: pool.hash.name,
      route: pool.hash.route,
      upgrades: pool.hash.upgrades,
      users: pool.measured.length,
      warmupUsers: pool.warmup.length,
      result,
      requested: state.n,
      reused: state.reused,
      upgraded,
      secondLogin: status === 201 && unchanged,
    };
    rows.push(row);
    console.log(
      `    ${fmt(row.upgraded)} of ${fmt(row.requested)} users re-hashed to argon2id (current); ` +
        `second login ${row.secondLogin ? 'OK' : `FAILED (${status})`}` +
        (row.reused > 0 ? `; ${row.reused} logins REUSED a user (pool too small)` : ''),
    );
  }
  const importedVia = 'API: POST /v1/users/{argon2,bcrypt,md5,phpass,scrypt,scrypt-modified,sha}, API key';
  return { importedVia, imported, importSeconds, currentParams: params, rows };
}
