import { Job, Queue, Worker } from 'bullmq';
import type { AppConfig } from '../config';
import { redisStatus } from '../redis';
import { closeWithin } from './bounded-close';
import { QueueConfig, queuePrefix, workerConnectionOptions } from './queue-connection';

export type QueueWorkerConfig = QueueConfig & Pick<AppConfig, 'OUTAGE_LOG_INTERVAL_MS'>;

/**
 * A worker of one of the service's own queues (timers, throttled writes, deliveries; not the event relay's):
 * connections that wait out a Redis outage, the outage reported through `redisStatus` rather than per job, and
 * every failed attempt handed to `onFailed` (BullMQ retries it as the job's options say).
 */
export function startQueueWorker<T>(
  name: string,
  process: (job: Job<T>) => Promise<unknown>,
  config: QueueWorkerConfig,
  options: { concurrency?: number; onFailed: (job: Job<T> | undefined, error: Error) => void },
): Worker<T> {
  const worker = new Worker<T>(name, process, {
    connection: workerConnectionOptions(config),
    prefix: queuePrefix(config),
    concurrency: options.concurrency ?? 1,
  });
  worker.on('error', (error) => redisStatus(config).down(error));
  worker.on('failed', options.onFailed);
  return worker;
}

/**
 * Closes workers (and the queues that go with them) waiting, bounded, for the jobs in progress; at once while
 * Redis is down, where a graceful close would only wait on Redis. Jobs cut short run again after their lock
 * expires, which is why every consumer of these queues is idempotent.
 */
export async function closeQueueWorkers(
  config: Pick<AppConfig, 'REDIS_URL' | 'OUTAGE_LOG_INTERVAL_MS'>,
  ...closables: Array<Worker | Queue | undefined>
): Promise<void> {
  const present = closables.filter((c): c is Worker | Queue => c !== undefined);
  if (present.length === 0) return;
  const close = (force: boolean) =>
    Promise.all(present.map((c) => (c instanceof Worker ? c.close(force) : c.close())));
  const graceful = !redisStatus(config).isDown && (await closeWithin(() => close(false))) === 'closed';
  if (!graceful) void close(true).catch(() => undefined);
}
