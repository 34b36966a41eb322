import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { Webhook as Signer } from 'standardwebhooks';
import { APP_CONFIG, AppConfig } from '../../config';
import { closeQueueWorkers, queuePrefix, workerConnectionOptions } from '../../relay';
import { redisStatus } from '../../redis';
import { WebhookPayload, webhookPayload } from '../domain/webhook-payload';
import { DeliveriesRepository } from '../infrastructure/deliveries.repository';
import { WebhookEventReader } from '../infrastructure/event-reader';
import { DELIVERY_QUEUE } from '../infrastructure/webhook-queues';
import { sendWebhook } from '../infrastructure/webhook-sender';
import type { DeliveryJobData, WebhookRecord } from '../infrastructure/webhook.types';
import { WebhooksRepository } from '../infrastructure/webhooks.repository';

/**
 * Sends one delivery: the event as JSON, signed per Standard Webhooks (`webhook-id` = event id, the same on
 * every retry), to the webhook's URL only. A failure is recorded on the delivery and counted on the webhook
 * (disabled after WEBHOOK_MAX_FAILURES in a row, with the reason), then thrown so BullMQ retries
 * with exponential backoff up to WEBHOOK_MAX_ATTEMPTS.
 */
@Injectable()
export class WebhookDeliveryProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);
  private worker: Worker<DeliveryJobData> | undefined;

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly events: WebhookEventReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<DeliveryJobData>(DELIVERY_QUEUE, (job) => this.process(job), {
      connection: workerConnectionOptions(this.config),
      prefix: queuePrefix(this.config),
      concurrency: this.config.WORKER_CONCURRENCY,
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

  async process(job: Job<DeliveryJobData>): Promise<void> {
    const { deliveryId, webhookId, round } = job.data;
    const delivery = await this.deliveries.get(deliveryId);
    // A later round (redelivery, replay) supersedes this job.
    if (!delivery || delivery.round !== round) return;
    const webhook = await this.webhooks.get(webhookId);
    if (!webhook || !webhook.enabled) {
      await this.deliveries.abandon(deliveryId, round, webhook ? 'Webhook disabled' : 'Webhook deleted');
      return;
    }
    const recorded = await this.events.at(delivery.eventPosition, delivery.eventId);
    if (!recorded) throw new UnrecoverableError(`Event ${delivery.eventId} is not in the event store`);

    const payload = webhookPayload(recorded);
    const body = JSON.stringify(payload);
    const secrets = await this.webhooks.openSecrets(webhook);
    const outcome = await sendWebhook({
      url: webhook.url,
      headers: this.headers(webhook, secrets.signatureKey, body, payload),
      body,
      timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
      verifyTls: webhook.security,
      basicAuth: webhook.httpUser ? { user: webhook.httpUser, pass: secrets.httpPass } : undefined,
      allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE_URLS,
    });
    if (!outcome.error) {
      await this.deliveries.recordAttempt(deliveryId, round, outcome, 'delivered');
      await this.webhooks.recordSuccess(webhookId);
      return;
    }
    const disabled = await this.webhooks.recordFailure(
      webhookId,
      outcome.error,
      this.config.WEBHOOK_MAX_FAILURES,
    );
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.deliveries.recordAttempt(deliveryId, round, outcome, disabled || last ? 'failed' : 'pending');
    if (!disabled) throw new Error(outcome.error);
  }

  private headers(webhook: WebhookRecord, signatureKey: string, body: string, payload: WebhookPayload) {
    const messageId = payload.id;
    const timestamp = new Date();
    return {
      'content-type': 'application/json',
      'user-agent': 'identity-service-webhooks',
      'webhook-id': messageId,
      'webhook-timestamp': Math.floor(timestamp.getTime() / 1000).toString(),
      'webhook-signature': new Signer(signatureKey).sign(messageId, timestamp, body),
      'x-appwrite-webhook-id': webhook.id,
      'x-appwrite-webhook-name': encodeURIComponent(webhook.name),
      'x-appwrite-webhook-events': payload.events.join(','),
      'x-appwrite-webhook-project-id': this.config.PROJECT_ID,
      'x-appwrite-webhook-user-id': payload.userId,
    };
  }
}
