import type { Worker } from 'bullmq';
import type { AppConfig } from '../../config';
import { closeWithin } from '../../relay';
import { redisStatus } from '../../redis';

/**
 * Closes a worker waiting (bounded) for its jobs in progress; at once while Redis is down, where a graceful
 * close would only wait on Redis. Jobs cut short run again after their lock expires.
 */
export async function closeWorker(
  worker: Worker | undefined,
  config: Pick<AppConfig, 'REDIS_URL' | 'OUTAGE_LOG_INTERVAL_MS'>,
): Promise<void> {
  if (!worker) return;
  const graceful = !redisStatus(config).isDown && (await closeWithin(() => worker.close())) === 'closed';
  if (!graceful) void worker.close(true).catch(() => undefined);
}
