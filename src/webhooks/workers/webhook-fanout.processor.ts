import { Inject, Injectable } from '@nestjs/common';
import type { EventDecoder, RecordedEvent } from '@libs/event-store';
import type { Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { EVENT_DECODER, MYSQL_POOL } from '../../database';
import type { AnyEvent } from '../../events';
import { EventProcessor } from '../../relay';
import { matchesWebhook, webhookEventNames } from '../domain/webhook-event-names';
import { DeliveriesRepository } from '../infrastructure/deliveries.repository';
import { WebhookQueues } from '../infrastructure/webhook-queues';
import { WebhooksRepository } from '../infrastructure/webhooks.repository';
import { WEBHOOK_FANOUT } from './webhook-fanout.subscription';

/**
 * One delivery job per enabled webhook whose events match, per event (job id = webhook + event + round).
 * Idempotent: a redelivered event finds its deliveries and queues again only those still pending, under the
 * same job ids. A webhook gets the events that happen after its creation; older ones come by replay.
 */
@Injectable()
export class WebhookFanoutProcessor extends EventProcessor<AnyEvent> {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly queues: WebhookQueues,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    @Inject(MYSQL_POOL) pool: Pool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(WEBHOOK_FANOUT, decoder, pool, config);
  }

  protected async handle(recorded: RecordedEvent<AnyEvent>): Promise<void> {
    const names = webhookEventNames(recorded);
    const webhooks = (await this.webhooks.enabled()).filter(
      (w) => w.createdAt <= recorded.occurredAt && matchesWebhook(w.events, names),
    );
    for (const webhook of webhooks) {
      await enqueueDelivery(this.deliveries, this.queues, webhook.id, recorded, names[0], false);
    }
  }
}

/**
 * Opens (or, with `again`, restarts) the delivery of an event to a webhook and queues its job. A delivery
 * already pending is queued under its current job id, which is a no-op when that job still exists.
 */
export async function enqueueDelivery(
  deliveries: DeliveriesRepository,
  queues: WebhookQueues,
  webhookId: string,
  recorded: RecordedEvent<AnyEvent>,
  name: string,
  again: boolean,
): Promise<void> {
  const event = { id: recorded.id, position: recorded.position, type: recorded.event.type, name };
  let { delivery } = await deliveries.open(webhookId, event);
  if (delivery.status !== 'pending') {
    if (!again) return;
    delivery = await deliveries.restart(delivery.id);
  }
  await queues.deliver({
    deliveryId: delivery.id,
    webhookId,
    eventId: recorded.id,
    eventPosition: recorded.position,
    round: delivery.round,
  });
}
