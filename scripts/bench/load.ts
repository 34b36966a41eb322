import autocannon from 'autocannon';
import { ServerProcess } from './server';

export const WARMUP_SECONDS = 2;

export interface Scenario {
  name: string;
  connections: number;
  /** autocannon requests; a `setupRequest` is called for every request, so it can vary path and body. */
  requests: autocannon.Request[];
  /** Headers of every request instead of the run's default ones (e.g. no API key for a client route). */
  headers?: Record<string, string>;
  /** Warm-up length instead of WARMUP_SECONDS. */
  warmupSeconds?: number;
  /** Awaited between the warm-up and the measured run (e.g. to switch to users the warm-up did not touch). */
  beforeMeasure?: () => void | Promise<void>;
}

export interface ScenarioResult {
  name: string;
  connections: number;
  seconds: number;
  responses: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  non2xx: number;
  /** Connection errors and timeouts (no HTTP response at all). */
  errors: number;
  statusCodes: Record<string, number>;
  /** Server process CPU (user + system) per request, in µs: steadier than req/s on a noisy machine. */
  serverCpuUsPerRequest: number | null;
  /** The same for the worker process (relay + BullMQ processors reacting to the scenario's events). */
  workerCpuUsPerRequest?: number | null;
}

interface Collected {
  result: autocannon.Result;
  latencies: number[];
  statusCodes: Record<string, number>;
}

function cannon(
  url: string,
  headers: Record<string, string>,
  scenario: Scenario,
  seconds: number,
): Promise<Collected> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: scenario.connections,
        duration: seconds,
        headers: scenario.headers ?? headers,
        requests: scenario.requests,
        timeout: 10,
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ result, latencies, statusCodes });
      },
    );
    // autocannon's own histogram keeps whole milliseconds and 2xx only; this keeps every response, in float ms.
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** A warm-up that is not counted, then the measured run; both stop by themselves after their duration. */
export async function runScenario(
  server: ServerProcess,
  headers: Record<string, string>,
  scenario: Scenario,
  seconds: number,
  worker?: ServerProcess,
): Promise<ScenarioResult> {
  const warmup = scenario.warmupSeconds ?? WARMUP_SECONDS;
  process.stdout.write(`- ${scenario.name} (c${scenario.connections}): warm-up ${warmup} s, `);
  await cannon(server.url, headers, scenario, warmup);
  server.assertAlive();
  await scenario.beforeMeasure?.();
  process.stdout.write(`measuring ${seconds} s … `);
  const cpuBefore = server.cpuSeconds();
  const workerBefore = worker?.cpuSeconds() ?? null;
  const { result, latencies, statusCodes } = await cannon(server.url, headers, scenario, seconds);
  const cpuAfter = server.cpuSeconds();
  const workerAfter = worker?.cpuSeconds() ?? null;
  server.assertAlive();
  worker?.assertAlive();

  const sorted = Float64Array.from(latencies).sort();
  const responses = sorted.length;
  const duration = result.duration > 0 ? result.duration : seconds;
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  const perRequest = (before: number | null, after: number | null) =>
    before !== null && after !== null && responses > 0 ? ((after - before) * 1e6) / responses : null;
  const out: ScenarioResult = {
    name: scenario.name,
    connections: scenario.connections,
    seconds: duration,
    responses,
    rps: responses / duration,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: responses ? sorted.reduce((a, b) => a + b, 0) / responses : NaN,
    non2xx,
    errors: result.errors,
    statusCodes,
    serverCpuUsPerRequest: perRequest(cpuBefore, cpuAfter),
    ...(worker ? { workerCpuUsPerRequest: perRequest(workerBefore, workerAfter) } : {}),
  };
  const problems = non2xx + out.errors > 0 ? ` — ${non2xx} non-2xx, ${out.errors} errors` : '';
  console.log(
    `${Math.round(out.rps).toLocaleString('en-US')} req/s, p99 ${out.p99.toFixed(1)} ms${problems}`,
  );
  return out;
}
