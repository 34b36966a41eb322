import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import IORedis, { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config';
import { closeWithin, queuePrefix } from '../../relay';
import { redisStatus, watchRedisClient } from '../../redis';
import type { DeliveryJobData, ReplayJobData } from './webhook.types';

export const DELIVERY_QUEUE = 'webhook-delivery';
export const REPLAY_QUEUE = 'webhook-replay';

/** BullMQ job ids may not hold a colon; ids here never do (Appwrite ids and UUIDs). */
export const deliveryJobId = (job: Pick<DeliveryJobData, 'webhookId' | 'eventId' | 'round'>) =>
  `${job.webhookId}_${job.eventId}_${job.round}`;

/** The producers of the delivery and replay queues (API and worker). */
@Injectable()
export class WebhookQueues implements OnModuleDestroy {
  private readonly connection: Redis;
  private readonly deliveries: Queue<DeliveryJobData>;
  private readonly replays: Queue<ReplayJobData>;
  private readonly deliveryOptions: JobsOptions;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Fails a command fast while Redis is down (the request answers 503/500) instead of waiting for it.
    this.connection = watchRedisClient(
      new IORedis(config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 5000 }),
      redisStatus(config),
    );
    const prefix = queuePrefix(config);
    this.deliveries = new Queue(DELIVERY_QUEUE, { connection: this.connection, prefix });
    this.replays = new Queue(REPLAY_QUEUE, { connection: this.connection, prefix });
    for (const queue of [this.deliveries, this.replays]) queue.on('error', () => undefined);
    this.deliveryOptions = {
      attempts: config.WEBHOOK_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: config.WEBHOOK_RETRY_DELAY_MS },
      removeOnComplete: { age: 3600, count: 10000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
  }

  /** Queues one delivery; the job id makes a second add of the same round a no-op. */
  async deliver(job: DeliveryJobData): Promise<void> {
    await this.deliveries.add(DELIVERY_QUEUE, job, { ...this.deliveryOptions, jobId: deliveryJobId(job) });
  }

  async replay(job: ReplayJobData): Promise<void> {
    await this.replays.add(REPLAY_QUEUE, job, {
      jobId: `${job.webhookId}_${job.replayId}`,
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  async onModuleDestroy(): Promise<void> {
    // While Redis is down there is nothing to flush, and closing would only wait on it.
    if (!redisStatus(this.config).isDown) {
      await closeWithin(() => Promise.all([this.deliveries.close(), this.replays.close()]));
    }
    this.connection.disconnect();
  }
}
