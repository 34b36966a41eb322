import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config';
import { REDIS, redisStatus, watchRedisClient } from '../../redis';
import { closeWithin, createProducerConnection, queuePrefix } from '../../relay';
import type { UserView } from '../queries/user.view';
import {
  isAccessStale,
  USER_ACCESS_JOB_OPTIONS,
  USER_ACCESS_NOTE_TTL_MS,
  USER_ACCESS_QUEUE,
  UserAccessJob,
  userAccessKey,
} from './user-access.queue';

/**
 * Keeps `accessedAt` off the request path: session validation already read the user, so a fresh `accessedAt`
 * costs nothing more; a stale one costs a Redis `SET NX` that only the first request of the window wins, and
 * that one queues the write for the worker. Nothing here is awaited by the request, and a Redis outage only
 * skips the update.
 */
@Injectable()
export class UserAccessRecorder implements OnApplicationShutdown {
  private queue: Queue<UserAccessJob> | undefined;
  private connection: Redis | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The user used the API at `now` (with a session or another credential of its own). */
  record(user: UserView, now = new Date()): void {
    if (!isAccessStale(user.accessedAt, now, this.config.USER_ACCESS_WINDOW_SECONDS * 1000)) return;
    this.note(user, now).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeWithin(async () => {
      await this.queue?.close();
    }).catch(() => undefined);
    this.connection?.disconnect();
  }

  private async note(user: UserView, now: Date): Promise<void> {
    const key = userAccessKey(this.config.QUEUE_PREFIX, user.id);
    const ttl = Math.min(USER_ACCESS_NOTE_TTL_MS, this.config.USER_ACCESS_WINDOW_SECONDS * 1000);
    if ((await this.redis.set(key, '1', 'PX', ttl, 'NX')) !== 'OK') return;
    try {
      await this.producer().add(
        USER_ACCESS_QUEUE,
        { userId: user.id, incarnation: user.incarnation, at: now.toISOString() },
        USER_ACCESS_JOB_OPTIONS,
      );
    } catch {
      // Not queued: let the next request of this user try again.
      await this.redis.del(key).catch(() => undefined);
    }
  }

  private producer(): Queue<UserAccessJob> {
    if (!this.queue) {
      this.connection = watchRedisClient(createProducerConnection(this.config), redisStatus(this.config));
      this.queue = new Queue<UserAccessJob>(USER_ACCESS_QUEUE, {
        connection: this.connection,
        prefix: queuePrefix(this.config),
      });
      this.queue.on('error', () => undefined);
    }
    return this.queue;
  }
}
