import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { dirname } from 'node:path';
import { Argon2Reference } from './argon2-reference';
import { fmt, mean, table, Target } from './format';
import { ImportedLogins } from './imported-logins';
import { ScenarioResult } from './load';
import { RelayResult } from './relay-throughput';
import { importedTargets, printImported } from './report-imports';
import { printRelay, printRevocation, relayTargets, revocationTargets } from './report-pipeline';
import { RevocationRun } from './revocation';
import { NAMES, Preflight } from './scenarios';
import { SeedResult } from './seed';
import { SESSION_NAMES } from './sessions';

export interface BenchReport {
  environment: Record<string, string | number>;
  settings: Record<string, string | number | boolean>;
  seed: SeedResult;
  checks: Preflight;
  /** Runs right before and after POST and after login; each target uses the mean of the runs around it. */
  argon2: Argon2Reference[];
  /** Login per import algorithm and the argon2id re-hash (null when that phase did not run). */
  imported: ImportedLogins | null;
  argon2HashesPerSecond: number;
  baselineRps: number;
  scenarios: Array<ScenarioResult & { ratioToBaseline: number }>;
  revocation: RevocationRun[];
  relay: RelayResult | null;
  targets: Target[];
}

export function environment(): Record<string, string | number> {
  const cores = cpus();
  return {
    node: process.version,
    os: `${process.platform} ${release()} ${process.arch}`,
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    date: new Date().toISOString(),
  };
}

/** Ratios use the mean of the two baseline runs (first and last), since the machine drifts. */
export function buildReport(
  base: Omit<BenchReport, 'baselineRps' | 'argon2HashesPerSecond' | 'scenarios' | 'targets'>,
  results: ScenarioResult[],
  baselineNames: string[],
): BenchReport {
  const baselineRps = mean(results.filter((r) => baselineNames.includes(r.name)).map((r) => r.rps));
  const around = (what: string) => {
    const runs = base.argon2.filter((a) => !a.for || a.for.includes(what));
    return {
      hps: mean(runs.map((a) => a.hashesPerSecond)),
      runs: runs.map((a) => fmt(a.hashesPerSecond, 1)),
    };
  };
  const argon2HashesPerSecond = around('POST').hps;
  const scenarios = results.map((r) => ({ ...r, ratioToBaseline: r.rps / baselineRps }));
  const find = (name: string) => scenarios.find((s) => s.name === name);
  const clean = (r: ScenarioResult) => r.non2xx === 0 && r.errors === 0;
  const errorNote = (r: ScenarioResult) =>
    clean(r) ? '' : ` — with ${r.non2xx} non-2xx, ${r.errors} errors`;
  const targets: Target[] = [];

  const get = find(NAMES.get);
  if (get) {
    targets.push({
      target: 'GET /v1/users/{id} ≥ 50% of the baseline req/s',
      measured: `${fmt(get.ratioToBaseline * 100, 1)}%${errorNote(get)}`,
      pass: get.ratioToBaseline >= 0.5 && clean(get),
    });
  }
  const account = find(SESSION_NAMES.account);
  if (account) {
    targets.push({
      target: 'session validation GET /v1/account ≥ 50% of the baseline req/s',
      measured:
        `${fmt(account.ratioToBaseline * 100, 1)}% (${fmt(account.rps)} req/s, p99 ${fmt(account.p99, 1)} ms ` +
        `at c${account.connections})${errorNote(account)}`,
      pass: account.ratioToBaseline >= 0.5 && clean(account),
    });
  }
  const list = find(NAMES.list);
  if (list) {
    const at = list.connections === 16 ? '' : ` (measured at c${list.connections}; the target is set at c16)`;
    const byMethod = find(NAMES.searchMethod);
    const ignored = base.checks.searchHonoured
      ? ''
      : ' — NOT VALID: the service ignores `search=` (unfiltered list measured)' +
        (byMethod ? `; the same search via the search() query: p99 ${fmt(byMethod.p99, 1)} ms` : '');
    targets.push({
      target: 'list with search p99 < 50 ms at 16 connections',
      measured: `p99 ${fmt(list.p99, 1)} ms${at}${errorNote(list)}${ignored}`,
      pass: list.p99 < 50 && clean(list) && list.connections === 16 && base.checks.searchHonoured,
    });
  }
  const create = find(NAMES.create);
  if (create) {
    const share = create.rps / argon2HashesPerSecond;
    const runs = around('POST').runs.join(' and ');
    targets.push({
      target: 'POST /v1/users ≥ 90% of argon2 hashes/s (same parameters, same machine)',
      measured:
        `${fmt(create.rps, 1)} req/s = ${fmt(share * 100, 1)}% of ${fmt(argon2HashesPerSecond, 1)} hashes/s ` +
        `(mean of ${runs}, measured right before and after)${errorNote(create)}`,
      pass: share >= 0.9 && clean(create),
    });
  }
  const login = find(SESSION_NAMES.login);
  if (login) {
    const { hps, runs } = around('login');
    targets.push({
      target:
        'login POST /v1/account/sessions/email req/s vs argon2 hashes/s (one verify per login; no threshold)',
      measured:
        `${fmt(login.rps, 1)} req/s (p50 ${fmt(login.p50, 1)} ms, p99 ${fmt(login.p99, 1)} ms) = ` +
        `${fmt((login.rps / hps) * 100, 1)}% of ${fmt(hps, 1)} hashes/s (mean of ${runs.join(' and ')}, ` +
        `right before and after)${errorNote(login)}`,
      pass: null,
    });
  }
  targets.push(...importedTargets(base.imported, base.argon2));
  targets.push(...revocationTargets(base.revocation), ...relayTargets(base.relay));
  return { ...base, argon2HashesPerSecond, baselineRps, scenarios, targets };
}

export function printReport(report: BenchReport): void {
  const rows = report.scenarios.map((s) => [
    s.name,
    String(s.connections),
    fmt(s.rps),
    fmt(s.p50, 2),
    fmt(s.p99, 2),
    `${fmt(s.ratioToBaseline, 3)}×`,
    s.non2xx === 0 && s.errors === 0 ? '0' : `${s.non2xx} (+${s.errors} err) ERRORS`,
    s.serverCpuUsPerRequest === null ? '-' : fmt(s.serverCpuUsPerRequest),
    fmt(s.workerCpuUsPerRequest),
  ]);
  const header = [
    'scenario',
    'connections',
    'req/s',
    'p50 ms',
    'p99 ms',
    'ratio to baseline',
    'non-2xx',
    'server CPU µs/req',
    'worker CPU µs/req',
  ];
  console.log(`\n${table(header, rows, new Set([1, 2, 3, 4, 5, 6, 7, 8]))}\n`);
  console.log(
    'CPU columns: the API process and the worker process (relay + BullMQ processors) during the measured ' +
      'window, per request.\n',
  );
  console.log(`Baseline (GET /health/live, mean of first and last run): ${fmt(report.baselineRps)} req/s`);
  for (const a of report.argon2) {
    console.log(
      `argon2id reference ${a.when ?? ''} (m=${a.params.memoryCost} KiB, t=${a.params.timeCost}, ` +
        `p=${a.params.parallelism}; ${a.inFlight} in flight, ${fmt(a.seconds, 1)} s, bench process, server idle): ` +
        `${fmt(a.hashesPerSecond, 1)} hashes/s (one hash alone: ${fmt(a.singleHashMs, 1)} ms)`,
    );
  }
  console.log('');
  printImported(report.imported, report.argon2);
  printRevocation(report.revocation);
  printRelay(report.relay);
  console.log('\nTargets (benchmark figures, not tests):');
  for (const t of report.targets) {
    console.log(`  ${t.pass === null ? 'INFO' : t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.measured}`);
  }
  const env = report.environment;
  console.log(`\nNode ${env.node}; ${env.os}; CPU ${env.cpu} × ${env.cores} cores; ${env.date}`);
}

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
