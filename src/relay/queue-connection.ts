import IORedis, { Redis } from 'ioredis';
import type { DefaultJobOptions, RedisOptions } from 'bullmq';
import type { AppConfig } from '../config';

/** The configuration the queue helpers need. */
export type QueueConfig = Pick<AppConfig, 'REDIS_URL' | 'QUEUE_PREFIX'>;

/**
 * BullMQ key prefix for a configured QUEUE_PREFIX. A prefix without a `{hash tag}` is wrapped in braces so
 * that every key of every queue lands in one Redis Cluster slot (BullMQ's Lua scripts touch several keys).
 */
export function queuePrefix(config: Pick<AppConfig, 'QUEUE_PREFIX'>): string {
  const prefix = config.QUEUE_PREFIX;
  return /\{[^{}]+\}/.test(prefix) ? prefix : `{${prefix}}`;
}

/**
 * Connection options for BullMQ Workers. Workers block on Redis, so commands must wait for a reconnect
 * instead of failing (`maxRetriesPerRequest: null`); BullMQ creates and closes these connections itself.
 */
export function workerConnectionOptions(config: QueueConfig): RedisOptions {
  return {
    url: config.REDIS_URL,
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 200, 5000),
  };
}

/**
 * A connection for Queue producers. No offline queue: during a Redis outage `add` fails at once instead of
 * buffering jobs in memory, and the events simply stay in MySQL until the next attempt. The caller owns it.
 */
export function createProducerConnection(config: QueueConfig): Redis {
  return new IORedis(config.REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // A Redis that accepts connections but does not answer must fail the delivery too, not hang the relay.
    commandTimeout: 5000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

/** Redis channel on which API processes announce commits, so the relay does not wait for its next poll. */
export function relayWakeChannel(config: Pick<AppConfig, 'QUEUE_PREFIX'>): string {
  return `${config.QUEUE_PREFIX}:relay:wake`;
}

/** Job options for every relay job: retried with exponential backoff, kept a while for inspection. */
export const EVENT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Closes an ioredis client politely when connected, at once otherwise (a dead client has nothing to flush). */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}
