import type { RowDataPacket } from 'mysql2/promise';
import { Argon2Hasher, Argon2Params } from '@libs/passwords';
import { ImportedHash } from './imported-hashes';
import { Bench } from './phases';
import { ServerProcess } from './server';

const SETTLE_MS = 10_000;
const POLL_MS = 250;
const QUIET_CORE_SHARE = 0.1;
const QUIET_TIMEOUT_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * autocannon drops the requests in flight when it stops, but the server still finishes them (a slow hash
 * takes seconds at c16): waits until the API process uses under 10% of a core over 300 ms. Returns seconds.
 */
export async function waitForQuietApi(api: ServerProcess): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < QUIET_TIMEOUT_MS) {
    const before = api.cpuSeconds();
    await sleep(300);
    const after = api.cpuSeconds();
    if (before === null || after === null || after - before < 0.3 * QUIET_CORE_SHARE) break;
  }
  return (performance.now() - started) / 1000;
}

/** `hash password` of each of these users in the read table, by email. */
async function stored(bench: Bench, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const [rows] = await bench.db.query<RowDataPacket[]>(
    'SELECT email, hash, password FROM users WHERE email IN (?)',
    [emails],
  );
  return new Map(rows.map((r) => [String(r.email), `${String(r.hash)} ${String(r.password)}`]));
}

/** Users among `emails` stored as `hash='argon2'`, argon2id at the current parameters, not the imported hash. */
async function countUpgraded(bench: Bench, emails: string[], imported: string, p: Argon2Params) {
  const current = new Argon2Hasher(p);
  const values = [...(await stored(bench, emails)).values()].map((v) => v.split(' '));
  return values.filter(
    ([algorithm, hash]) =>
      algorithm === 'argon2' && hash !== imported && current.isCurrent({ hash, algorithm, options: {} }),
  ).length;
}

async function login(bench: Bench, headers: Record<string, string>, email: string, password: string) {
  const response = await fetch(`${bench.api.url}/v1/account/sessions/email`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(10_000),
  });
  await response.text();
  return response.status;
}

/**
 * After a measured run (over mysql2), once the logins still in flight when autocannon stopped are done: how
 * many of the users logged in are now upgraded (polled until the count settles), then a
 * second login of the first one, which must answer 201 and leave its stored hash as it was.
 */
export async function checkUpgrades(
  bench: Bench,
  hash: ImportedHash,
  loggedIn: string[],
  params: Argon2Params,
  headers: Record<string, string>,
): Promise<{ upgraded: number; status: number; unchanged: boolean }> {
  await waitForQuietApi(bench.api);
  const imported = String(hash.body.password);
  const expected = hash.upgrades ? loggedIn.length : 0;
  let upgraded = -1;
  for (let waited = 0; waited < SETTLE_MS; waited += POLL_MS) {
    const now = await countUpgraded(bench, loggedIn, imported, params);
    const settled = now === upgraded || now === expected;
    upgraded = now;
    if (settled) break;
    await sleep(POLL_MS);
  }
  const again = loggedIn[0];
  if (!again) return { upgraded, status: 0, unchanged: false };
  const before = (await stored(bench, [again])).get(again);
  const status = await login(bench, headers, again, hash.password);
  const after = (await stored(bench, [again])).get(again);
  return { upgraded, status, unchanged: before !== undefined && before === after };
}
