import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config';
import { REDIS, redisStatus, watchRedisClient } from '../../redis';
import { closeWithin, createProducerConnection, queuePrefix } from '../../relay';
import {
  ACCESS_TOKEN_USE_JOB_OPTIONS,
  ACCESS_TOKEN_USE_QUEUE,
  ACCESS_TOKEN_USE_WINDOW_MS,
  AccessTokenUseJob,
  accessTokenUseKey,
  isUseStale,
} from './access-token-use.queue';

/**
 * Keeps `lastUsedAt` off the request path, as users' `UserAccessRecorder` keeps `accessedAt`: validation
 * already read the token, so a fresh `lastUsedAt` costs nothing; a stale one costs a Redis `SET NX` that only
 * the first request of the window wins, and that one queues the write. Nothing here is awaited by the
 * request, and a Redis outage only skips the update.
 */
@Injectable()
export class AccessTokenUseRecorder implements OnApplicationShutdown {
  private queue: Queue<AccessTokenUseJob> | undefined;
  private connection: Redis | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  record(token: { id: string; last_used_at: Date | null }, now = new Date()): void {
    if (!isUseStale(token.last_used_at, now)) return;
    this.note(token.id, now).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeWithin(async () => {
      await this.queue?.close();
    }).catch(() => undefined);
    this.connection?.disconnect();
  }

  private async note(tokenId: string, now: Date): Promise<void> {
    const key = accessTokenUseKey(this.config.QUEUE_PREFIX, tokenId);
    if ((await this.redis.set(key, '1', 'PX', ACCESS_TOKEN_USE_WINDOW_MS, 'NX')) !== 'OK') return;
    try {
      await this.producer().add(
        ACCESS_TOKEN_USE_QUEUE,
        { tokenId, at: now.toISOString() },
        ACCESS_TOKEN_USE_JOB_OPTIONS,
      );
    } catch {
      // Not queued: let the next request with this token try again.
      await this.redis.del(key).catch(() => undefined);
    }
  }

  private producer(): Queue<AccessTokenUseJob> {
    if (!this.queue) {
      this.connection = watchRedisClient(createProducerConnection(this.config), redisStatus(this.config));
      this.queue = new Queue<AccessTokenUseJob>(ACCESS_TOKEN_USE_QUEUE, {
        connection: this.connection,
        prefix: queuePrefix(this.config),
      });
      this.queue.on('error', () => undefined);
    }
    return this.queue;
  }
}
