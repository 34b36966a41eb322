import { cpus } from 'node:os';
import { Argon2Reference } from './argon2-reference';
import { fmt, mean, table, Target } from './format';
import { IMPORTED_SECONDS, ImportedLoginRow, ImportedLogins } from './imported-logins';

/** Upgrading algorithms whose own verification costs next to nothing: their login ≈ the re-hash. */
const CHEAP_VERIFY = ['md5', 'sha'];

const clean = (r: ImportedLoginRow) => r.result.non2xx === 0 && r.result.errors === 0;
const upgradedAll = (r: ImportedLoginRow) =>
  r.reused === 0 && r.secondLogin && r.upgraded === (r.upgrades ? r.requested : 0);

/** The re-hash cost: server CPU per login of a cheap-verify algorithm minus that of argon2id-current users. */
function rehashCost(imported: ImportedLogins) {
  const reference = imported.rows.find((r) => !r.upgrades);
  const cheap = imported.rows.filter((r) => CHEAP_VERIFY.includes(r.route));
  const refCpu = reference?.result.serverCpuUsPerRequest ?? null;
  return {
    reference,
    cheap: cheap.map((r) => ({
      row: r,
      extraCpuUs:
        refCpu !== null && r.result.serverCpuUsPerRequest !== null
          ? r.result.serverCpuUsPerRequest - refCpu
          : null,
    })),
  };
}

/** argon2id at the current parameters alone, from the bench's references (bench process, server idle). */
function hashTime(argon2: Argon2Reference[]) {
  const hps = mean(argon2.map((a) => a.hashesPerSecond));
  return {
    hps,
    msPerHash: 1000 / hps,
    coreMs: (1000 / hps) * cpus().length,
    single: mean(argon2.map((a) => a.singleHashMs)),
  };
}

export function importedTargets(imported: ImportedLogins | null, argon2: Argon2Reference[]): Target[] {
  if (!imported) return [];
  const bad = imported.rows.filter((r) => !clean(r) || !upgradedAll(r));
  const perAlgo = imported.rows.map(
    (r) => `${r.route === 'argon2' ? r.name.split(' (')[0] : r.route} ${fmt(r.result.rps, 1)}`,
  );
  const { reference, cheap } = rehashCost(imported);
  const t = hashTime(argon2);
  const diffs = cheap.map(
    ({ row, extraCpuUs }) =>
      `${row.route} ${fmt(row.result.rps, 1)} req/s, ${fmt(row.result.serverCpuUsPerRequest)} µs/login (Δ ` +
      `${fmt(extraCpuUs)} µs = re-hash − one argon2 verify; re-hash ≈ Δ + (b) ≈ ` +
      `${fmt(extraCpuUs === null ? null : extraCpuUs + t.coreMs * 1000)} µs)`,
  );
  return [
    {
      target: `login req/s per import algorithm (c${imported.rows[0]?.result.connections ?? '-'}, ${IMPORTED_SECONDS} s, each user once; no threshold)`,
      measured: perAlgo.join('; '),
      pass: null,
    },
    {
      target:
        'first login of an imported user re-hashes it to argon2id (current parameters); a second login works',
      measured:
        bad.length === 0
          ? `all ${imported.rows.filter((r) => r.upgrades).length} upgrading algorithms: every user logged in was re-hashed, 0 non-2xx`
          : `PROBLEMS: ${bad.map((r) => `${r.name} (${r.upgraded} of ${r.requested} re-hashed, ${r.result.non2xx} non-2xx, reused ${r.reused}, second login ${r.secondLogin ? 'OK' : 'FAILED'})`).join('; ')}`,
      pass: bad.length === 0,
    },
    {
      target: 'argon2id re-hash cost at login (server CPU per login vs argon2id-current users; no threshold)',
      measured:
        `(a) argon2id current ${fmt(reference?.result.rps, 1)} req/s, ${fmt(reference?.result.serverCpuUsPerRequest)} µs/login; ` +
        `${diffs.join('; ')}; (b) one argon2id hash alone ${fmt(t.single, 1)} ms, ` +
        `${fmt(t.msPerHash, 1)} ms per hash at 8 in flight (${fmt(t.hps, 1)} hashes/s ≈ ${fmt(t.coreMs, 1)} core-ms each)`,
      pass: null,
    },
  ];
}

export function printImported(imported: ImportedLogins | null, argon2: Argon2Reference[]): void {
  if (!imported) return;
  const rows = imported.rows.map((r) => [
    r.name,
    `${fmt(r.users)} (+${fmt(r.warmupUsers)})`,
    fmt(r.result.rps, 1),
    fmt(r.result.p50, 1),
    fmt(r.result.p99, 1),
    fmt(r.result.serverCpuUsPerRequest),
    `${r.upgrades ? '' : '(none due) '}${fmt(r.upgraded)} of ${fmt(r.requested)}${r.reused ? ` (${r.reused} REUSED)` : ''}`,
    clean(r) ? '0' : `${r.result.non2xx} (+${r.result.errors} err) ERRORS`,
  ]);
  const header = [
    'algorithm',
    'users (+warm-up)',
    'req/s',
    'p50 ms',
    'p99 ms',
    'server CPU µs/login',
    'upgraded',
    'non-2xx',
  ];
  const p = imported.currentParams;
  console.log(
    `Login of imported users (POST /v1/account/sessions/email, c${imported.rows[0]?.result.connections ?? '-'}, ` +
      `1 s warm-up on other users, ${IMPORTED_SECONDS} s measured, every login a user not yet upgraded); ` +
      `${fmt(imported.imported)} users imported via ${imported.importedVia} in ${fmt(imported.importSeconds, 1)} s:`,
  );
  console.log(`\n${table(header, rows, new Set([1, 2, 3, 4, 5, 6, 7]))}\n`);
  console.log(
    `  upgraded = users logged in during the measured run that the read table now holds as argon2id ` +
      `m=${p.memoryCost},t=${p.timeCost},p=${p.parallelism} with a new hash (the reference keeps its own); ` +
      'CPU = the API process over the measured run, per login.',
  );
  const { reference, cheap } = rehashCost(imported);
  const t = hashTime(argon2);
  for (const { row, extraCpuUs } of cheap) {
    console.log(
      `  re-hash cost (a): ${row.name} ${fmt(row.result.serverCpuUsPerRequest)} µs/login − argon2id current ` +
        `${fmt(reference?.result.serverCpuUsPerRequest)} µs/login = Δ ${fmt(extraCpuUs)} µs of server CPU ` +
        `(the re-hash and its event append minus the reference's one argon2 verify, which costs about what the ` +
        `re-hash's argon2 costs); req/s ${fmt(row.result.rps, 1)} vs ${fmt(reference?.result.rps, 1)}`,
    );
  }
  console.log(
    `  re-hash cost (b): argon2id hash alone at the current parameters: ${fmt(t.single, 1)} ms (one hash, idle), ` +
      `${fmt(t.msPerHash, 1)} ms of wall time per hash at 8 in flight (${fmt(t.hps, 1)} hashes/s, mean of the ` +
      `references; × ${cpus().length} cores ≈ ${fmt(t.coreMs, 1)} core-ms per hash)\n`,
  );
}
