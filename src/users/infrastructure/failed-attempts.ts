import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../../config';
import { REDIS } from '../../redis';

/**
 * Each user's failed-attempt count, in Redis: one atomic increment per failure, shared by every API process,
 * forgotten LOCKOUT_DURATION seconds after the first failure it counts. It is only a counter on the way to a
 * lock; the lock itself is an event (`user.locked`) on the user, so it survives Redis and shows in the
 * history. While Redis is down each process counts in memory, like the login limits.
 */
@Injectable()
export class FailedAttempts {
  private readonly counter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const options = { points: Math.max(1, config.LOCKOUT_ATTEMPTS), duration: config.LOCKOUT_DURATION };
    this.counter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.QUEUE_PREFIX}:lockout`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
      ...options,
    });
  }

  /** Counts one failure; answers the count with it. */
  async add(userId: string): Promise<number> {
    return (await this.counter.penalty(userId, 1)).consumedPoints;
  }

  async count(userId: string): Promise<number> {
    return Math.max(0, (await this.counter.get(userId))?.consumedPoints ?? 0);
  }

  async clear(userId: string): Promise<void> {
    await this.counter.delete(userId);
  }
}
