import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { dirname } from 'node:path';
import { Argon2Reference } from './argon2-reference';
import { ScenarioResult } from './load';
import { NAMES, Preflight } from './scenarios';
import { SeedResult } from './seed';

export interface BenchReport {
  environment: Record<string, string | number>;
  settings: Record<string, string | number | boolean>;
  seed: SeedResult;
  checks: Preflight;
  /** Runs right before and right after POST; the target uses their mean. */
  argon2: Argon2Reference[];
  argon2HashesPerSecond: number;
  baselineRps: number;
  scenarios: Array<ScenarioResult & { ratioToBaseline: number }>;
  targets: Array<{ target: string; measured: string; pass: boolean }>;
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

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '-';

function table(header: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (rightAligned.has(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Ratios use the mean of the two baseline runs (first and last), since the machine drifts. */
export function buildReport(
  base: Omit<BenchReport, 'baselineRps' | 'argon2HashesPerSecond' | 'scenarios' | 'targets'>,
  results: ScenarioResult[],
  baselineNames: string[],
): BenchReport {
  const baselineRps = mean(results.filter((r) => baselineNames.includes(r.name)).map((r) => r.rps));
  const argon2HashesPerSecond = mean(base.argon2.map((a) => a.hashesPerSecond));
  const scenarios = results.map((r) => ({ ...r, ratioToBaseline: r.rps / baselineRps }));
  const find = (name: string) => scenarios.find((s) => s.name === name);
  const clean = (r: ScenarioResult) => r.non2xx === 0 && r.errors === 0;
  const errorNote = (r: ScenarioResult) =>
    clean(r) ? '' : ` — with ${r.non2xx} non-2xx, ${r.errors} errors`;
  const targets: BenchReport['targets'] = [];

  const get = find(NAMES.get);
  if (get) {
    targets.push({
      target: 'GET /v1/users/{id} ≥ 50% of the baseline req/s',
      measured: `${fmt(get.ratioToBaseline * 100, 1)}%${errorNote(get)}`,
      pass: get.ratioToBaseline >= 0.5 && clean(get),
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
    const runs = base.argon2.map((a) => fmt(a.hashesPerSecond, 1)).join(' and ');
    targets.push({
      target: 'POST /v1/users ≥ 90% of argon2 hashes/s (same parameters, same machine)',
      measured:
        `${fmt(create.rps, 1)} req/s = ${fmt(share * 100, 1)}% of ${fmt(argon2HashesPerSecond, 1)} hashes/s ` +
        `(mean of ${runs}, measured right before and after)${errorNote(create)}`,
      pass: share >= 0.9 && clean(create),
    });
  }
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
  ];
  console.log(`\n${table(header, rows, new Set([1, 2, 3, 4, 5, 6, 7]))}\n`);
  console.log(`Baseline (GET /health/live, mean of first and last run): ${fmt(report.baselineRps)} req/s`);
  for (const [i, a] of report.argon2.entries()) {
    console.log(
      `argon2id reference ${i === 0 ? 'before' : 'after'} POST (m=${a.params.memoryCost} KiB, t=${a.params.timeCost}, ` +
        `p=${a.params.parallelism}; ${a.inFlight} in flight, ${fmt(a.seconds, 1)} s, bench process, server idle): ` +
        `${fmt(a.hashesPerSecond, 1)} hashes/s (one hash alone: ${fmt(a.singleHashMs, 1)} ms)`,
    );
  }
  console.log('\nTargets (benchmark figures, not tests):');
  for (const t of report.targets) console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.target}: ${t.measured}`);
  const env = report.environment;
  console.log(`\nNode ${env.node}; ${env.os}; CPU ${env.cpu} × ${env.cores} cores; ${env.date}`);
}

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
