import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config';
import { redisStatus, watchRedisClient } from './redis-status';

export const REDIS = Symbol('REDIS');

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for pending replies; a client that is not connected has none and would only retry.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}

/**
 * The API's own Redis connection (health, later caches and rate limits). Requests must never wait on Redis:
 * no offline queue, one retry, so a Redis outage fails fast instead of stalling writes that only need MySQL.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        watchRedisClient(
          new IORedis(config.REDIS_URL, {
            lazyConnect: false,
            enableOfflineQueue: false,
            maxRetriesPerRequest: 1,
            connectTimeout: 2000,
            retryStrategy: (times) => Math.min(times * 200, 2000),
            // A Redis that is connected but frozen would otherwise hold a command, and its request, for ever.
            commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
          }),
          redisStatus(config),
        ),
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
