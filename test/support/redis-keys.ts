import IORedis, { Redis } from 'ioredis';

/** The Redis the tests share (never flushed: other runs use it at the same time). */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/**
 * A QUEUE_PREFIX of its own for one app or process of this run. Every prefix of a run starts with the run's
 * prefix (set by the global setup), so the global teardown can sweep whatever a crashed test left behind.
 */
export function freshQueuePrefix(): string {
  const run = process.env.TEST_REDIS_PREFIX ?? `test-${process.pid}`;
  return `${run}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Glob patterns of every key written under a QUEUE_PREFIX: BullMQ's `{prefix}:…` (the prefix wrapped in a hash
 * tag so a queue's keys share one cluster slot), and `prefix:…` for the rest (login limits, relay wake-up).
 * A prefix may end in `*` to match several prefixes at once.
 */
export function keyPatterns(prefix: string): string[] {
  const escaped = prefix.replace(/[?[\]\\]/g, '\\$&');
  if (/\{[^{}]+\}/.test(prefix)) return [`${escaped}:*`];
  return [`${escaped}:*`, `{${escaped}}:*`];
}

/** Calls `each` with every batch of keys under `prefix` (SCAN, never KEYS or FLUSHDB on the shared server). */
async function scanKeys(prefix: string, url: string, each: (redis: Redis, keys: string[]) => Promise<void>) {
  // No reconnection: a private Redis a test has already stopped has nothing left to clean.
  const redis = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    try {
      await redis.connect();
    } catch {
      return;
    }
    for (const match of keyPatterns(prefix)) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await each(redis, keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under `prefix`; answers how many there were. */
export async function deleteRedisKeys(prefix: string, url = testRedisUrl()): Promise<number> {
  let deleted = 0;
  await scanKeys(prefix, url, async (redis, keys) => {
    deleted += await redis.unlink(...keys);
  });
  return deleted;
}

/** How many keys exist under `prefix`. */
export async function countRedisKeys(prefix: string, url = testRedisUrl()): Promise<number> {
  let count = 0;
  await scanKeys(prefix, url, async (_redis, keys) => {
    count += keys.length;
  });
  return count;
}
