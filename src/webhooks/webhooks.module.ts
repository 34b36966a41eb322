import { Module } from '@nestjs/common';
import { CreateWebhookController } from './commands/create-webhook/create-webhook.controller';
import { DeleteWebhookController } from './commands/delete-webhook/delete-webhook.controller';
import { RedeliverWebhookDeliveryController } from './commands/redeliver-webhook-delivery/redeliver-webhook-delivery.controller';
import { ReplayWebhookEventsController } from './commands/replay-webhook-events/replay-webhook-events.controller';
import { UpdateWebhookController } from './commands/update-webhook/update-webhook.controller';
import { UpdateWebhookSignatureController } from './commands/update-webhook-signature/update-webhook-signature.controller';
import { DeliveriesRepository } from './infrastructure/deliveries.repository';
import { WebhookEventReader } from './infrastructure/event-reader';
import { WebhookQueues } from './infrastructure/webhook-queues';
import { WebhooksRepository } from './infrastructure/webhooks.repository';
import { GetWebhookController } from './queries/get-webhook/get-webhook.controller';
import { ListWebhookDeliveriesController } from './queries/list-webhook-deliveries/list-webhook-deliveries.controller';
import { ListWebhooksController } from './queries/list-webhooks/list-webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Webhooks: the routes (API side). */
@Module({
  controllers: [
    CreateWebhookController,
    ListWebhooksController,
    GetWebhookController,
    UpdateWebhookController,
    UpdateWebhookSignatureController,
    DeleteWebhookController,
    ListWebhookDeliveriesController,
    RedeliverWebhookDeliveryController,
    ReplayWebhookEventsController,
  ],
  providers: [WebhooksRepository, DeliveriesRepository, WebhookQueues, WebhookEventReader, WebhooksService],
})
export class WebhooksModule {}
