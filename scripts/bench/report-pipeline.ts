import { cpus } from 'node:os';
import { fmt, table, Target } from './format';
import { RelayResult } from './relay-throughput';
import { RevocationRun } from './revocation';

const TARGET_MS: Record<string, number> = { idle: 100, 'under load': 500 };

export function revocationTargets(runs: RevocationRun[]): Target[] {
  return runs.map((run) => {
    const limit = TARGET_MS[run.name] ?? 100;
    const bg = run.background
      ? `; background ${run.background.name} c${run.background.connections} at ${fmt(run.background.rps)} req/s`
      : '';
    const misses = run.misses > 0 ? `, ${run.misses} MISSES (no revocation within 5 s)` : '';
    return {
      target: `revocation lag p99 < ${limit} ms, ${run.name} (PATCH …/status answer → no live session in the read table, ${run.users} users)`,
      measured: `p99 ${fmt(run.lag.p99, 1)} ms (p50 ${fmt(run.lag.p50, 1)}, max ${fmt(run.lag.max, 1)})${misses}${bg}`,
      pass: run.lag.p99 < limit && run.misses === 0,
    };
  });
}

export function relayTargets(relay: RelayResult | null): Target[] {
  if (!relay) return [];
  const measured =
    relay.eventsPerSecond === null
      ? `NOT DONE: ${fmt(relay.rows)} of ${fmt(relay.events)} rows after 5 min`
      : `${fmt(relay.eventsPerSecond)} events/s end to end (${fmt(relay.seconds, 2)} s; ` +
        `appends alone ${fmt(relay.appendEventsPerSecond)} events/s)`;
  return [
    {
      target: `relay → BullMQ → activity log ≥ 5,000 events/s (${fmt(relay.events)} events)`,
      measured,
      pass: relay.eventsPerSecond !== null && relay.eventsPerSecond >= 5000 && relay.rows === relay.events,
    },
  ];
}

export function printRevocation(runs: RevocationRun[]): void {
  if (runs.length === 0) return;
  const ms = (n: number) => fmt(n, 1);
  const rows = runs.map((r) => [
    r.name,
    `${r.users} / ${r.sessions}`,
    ms(r.lag.p50),
    ms(r.lag.p99),
    ms(r.lag.max),
    String(r.revokedAtAnswer),
    String(r.misses),
    `${ms(r.patch.p50)} / ${ms(r.patch.p99)}`,
    `${ms(r.fromRequest.p50)} / ${ms(r.fromRequest.p99)}`,
    `${ms(r.revokedAtMinusAnswer.p50)} / ${ms(r.revokedAtMinusAnswer.p99)}`,
    r.histogram ? `${r.histogram.count} / ${ms((r.histogram.sumSeconds * 1000) / r.histogram.count)}` : '-',
  ]);
  const header = [
    'revocation',
    'users / sessions',
    'lag p50 ms',
    'lag p99 ms',
    'lag max ms',
    'at answer',
    'misses',
    'PATCH p50 / p99 ms',
    'request → revoked p50 / p99',
    'revoked_at − answer p50 / p99',
    'worker histogram n / mean ms',
  ];
  console.log(
    'Revocation lag (sequential, one user at a time; the read table polled every 2 ms over mysql2):',
  );
  console.log(`\n${table(header, rows, new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))}\n`);
  console.log(
    '  lag = PATCH answer → answer of the first poll that saw no live session; "at answer" users were fully\n' +
      '  revoked at the first poll, sent on the answer (lag counted 0: clamped, the true lag is ≤ 0). ' +
      'revoked_at − answer\n  uses the revoking event time, so it is negative when the worker revoked before the ' +
      'answer reached the bench.\n  worker histogram = session_revocation_lag_seconds of the worker ' +
      '(event occurred_at → revoked, per session).',
  );
  for (const r of runs.filter((run) => run.background)) {
    const b = r.background!;
    console.log(
      `  background load (${r.name}): ${b.name}, c${b.connections}, ${fmt(b.seconds, 1)} s: ${fmt(b.rps)} req/s, ` +
        `p50 ${fmt(b.p50, 1)} ms, p99 ${fmt(b.p99, 1)} ms, ${b.non2xx} non-2xx, ${b.errors} errors`,
    );
  }
}

export function printRelay(relay: RelayResult | null): void {
  if (!relay) return;
  const s = relay.settings;
  console.log(
    `\nRelay throughput: ${fmt(relay.events)} user.name.changed events, ${relay.eventsPerAppend} per append, ` +
      `${relay.appenders} appenders in the bench process (event store only), wake-ups published; ` +
      `RELAY_BATCH_SIZE ${s.RELAY_BATCH_SIZE}, WORKER_CONCURRENCY ${s.WORKER_CONCURRENCY}, RELAY_POLL_MS ${s.RELAY_POLL_MS}`,
  );
  const at = (n: number | null) => (n === null ? 'not reached' : `${fmt(n, 2)} s`);
  console.log(
    `  appends done ${fmt(relay.appendSeconds, 2)} s (${fmt(relay.appendEventsPerSecond)} events/s, while the ` +
      `pipeline ran); all enqueued by the relay ${at(relay.relayedSeconds)}; all activity_logs rows ` +
      `${at(relay.seconds)} → ${fmt(relay.eventsPerSecond)} events/s end to end`,
  );
  console.log(
    `  rows when the appends were done: ${fmt(relay.rowsWhenAppended)}; the rest drained at ` +
      `${fmt(relay.drainPerSecond)} rows/s with the generator idle; most unfinished activity-log jobs seen: ` +
      `${fmt(relay.maxQueued)}; rows found for these events: ${fmt(relay.rows)}`,
  );
  const cpu = Object.entries(relay.cpu)
    .filter((entry): entry is [string, { coreSeconds: number; usPerEvent: number }] => entry[1] !== null)
    .map(([name, c]) => `${name} ${fmt(c.coreSeconds, 2)} s (${fmt(c.usPerEvent)} µs/event)`);
  const total = Object.values(relay.cpu).reduce((sum, c) => sum + (c?.coreSeconds ?? 0), 0);
  const wall = relay.seconds ?? relay.appendSeconds;
  console.log(`  CPU over the measurement: ${cpu.join('; ')}`);
  console.log(
    `  total ${fmt(total, 2)} core-seconds in ${fmt(wall, 2)} s = ${fmt(total / wall, 2)} of the machine's ${cpus().length} cores busy`,
  );
  const drain = Object.entries(relay.drainCores)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .map(([name, cores]) => `${name} ${fmt(cores, 2)}`);
  if (drain.length > 0) console.log(`  cores busy while the rest drained: ${drain.join('; ')}`);
}
