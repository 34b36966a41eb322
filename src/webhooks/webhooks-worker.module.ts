import { Module } from '@nestjs/common';
import { DeliveriesRepository } from './infrastructure/deliveries.repository';
import { WebhookEventReader } from './infrastructure/event-reader';
import { WebhookQueues } from './infrastructure/webhook-queues';
import { WebhooksRepository } from './infrastructure/webhooks.repository';
import { WebhookDeliveryProcessor } from './workers/webhook-delivery.processor';
import { WebhookFanoutProcessor } from './workers/webhook-fanout.processor';
import { WebhookReplayProcessor } from './workers/webhook-replay.processor';

/** Webhooks: fan-out from the relay, deliveries and replays (worker side). */
@Module({
  providers: [
    WebhooksRepository,
    DeliveriesRepository,
    WebhookQueues,
    WebhookEventReader,
    WebhookFanoutProcessor,
    WebhookDeliveryProcessor,
    WebhookReplayProcessor,
  ],
})
export class WebhooksWorkerModule {}
