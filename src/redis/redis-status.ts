import type { Redis } from 'ioredis';
import { DependencyStatus, dependencyStatus } from '../common';
import type { AppConfig } from '../config';

/** The shared status of the Redis at REDIS_URL (see DependencyStatus). */
export function redisStatus(
  config: Pick<AppConfig, 'REDIS_URL' | 'OUTAGE_LOG_INTERVAL_MS'>,
): DependencyStatus {
  return dependencyStatus('redis', config.REDIS_URL, config.OUTAGE_LOG_INTERVAL_MS);
}

/**
 * Reports a client's connection errors to the shared status instead of ioredis' default, which prints every
 * failed reconnection attempt ("[ioredis] Unhandled error event") with a stack trace, and its reconnection.
 * Every ioredis client (and BullMQ Queue/Worker 'error' event) should go through this or `status.down`.
 */
export function watchRedisClient(client: Redis, status: DependencyStatus): Redis {
  client.on('error', (error: unknown) => status.down(error));
  client.on('ready', () => status.up());
  return client;
}
