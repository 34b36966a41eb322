import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../config';
import { closeQueueWorkers, queuePrefix, workerConnectionOptions } from '../../relay';
import { redisStatus } from '../../redis';
import { matchesWebhook, webhookEventNames } from '../domain/webhook-event-names';
import { DeliveriesRepository } from '../infrastructure/deliveries.repository';
import { WebhookEventReader } from '../infrastructure/event-reader';
import { REPLAY_QUEUE, WebhookQueues } from '../infrastructure/webhook-queues';
import type { ReplayJobData } from '../infrastructure/webhook.types';
import { WebhooksRepository } from '../infrastructure/webhooks.repository';
import { enqueueDelivery } from './webhook-fanout.processor';

const PAGE = 500;

/**
 * A replay: pages through the event store (decoded, as every reader) from the requested position or time up
 * to the last position when it was asked for, and delivers again every event the webhook's events match,
 * each as a new round of its delivery. Its progress is saved in the job after each page, so a retried replay
 * resumes where it stopped.
 */
@Injectable()
export class WebhookReplayProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookReplayProcessor.name);
  private worker: Worker<ReplayJobData> | undefined;

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly queues: WebhookQueues,
    private readonly events: WebhookEventReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<ReplayJobData>(REPLAY_QUEUE, (job) => this.process(job), {
      connection: workerConnectionOptions(this.config),
      prefix: queuePrefix(this.config),
      concurrency: 1,
    });
    const redis = redisStatus(this.config);
    this.worker.on('error', (error) => redis.down(error));
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ jobId: job?.id, attempt: job?.attemptsMade, error: error.message }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await closeQueueWorkers(this.config, this.worker);
  }

  async process(job: Job<ReplayJobData>): Promise<void> {
    const { webhookId, until, since } = job.data;
    const from = since ? new Date(since) : undefined;
    let after = job.data.after;
    while (after < until) {
      const webhook = await this.webhooks.get(webhookId);
      if (!webhook) return;
      const page = (await this.events.page(after, PAGE)).filter((e) => e.position <= until);
      if (page.length === 0) return;
      for (const recorded of page) {
        if (from && recorded.occurredAt < from) continue;
        const names = webhookEventNames(recorded);
        if (!matchesWebhook(webhook.events, names)) continue;
        await enqueueDelivery(this.deliveries, this.queues, webhookId, recorded, names[0], true);
      }
      after = page[page.length - 1].position;
      await job.updateData({ ...job.data, after });
    }
  }
}
