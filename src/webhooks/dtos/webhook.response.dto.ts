import { ApiProperty } from '@nestjs/swagger';
import { formatDateTime } from '@libs/http';
import type { DeliveryRecord, WebhookRecord } from '../infrastructure/webhook.types';

const DATE = '2020-10-15T06:38:00.000+00:00';

/** Appwrite's Webhook model (1.9.5 field names); the secrets are write-only. */
export class WebhookModel {
  @ApiProperty({ example: '5e5ea5c16897e' }) $id!: string;
  @ApiProperty({ example: DATE }) $createdAt!: string;
  @ApiProperty({ example: DATE }) $updatedAt!: string;
  @ApiProperty({ example: 'CRM sync' }) name!: string;
  @ApiProperty({ example: 'https://example.com/hooks/identity' }) url!: string;
  @ApiProperty({ example: ['users.*.create', 'users.*.update.status'], type: [String] }) events!: string[];
  @ApiProperty({ example: true, description: "Verify the receiver's TLS certificate" }) security!: boolean;
  @ApiProperty({ example: 'username', description: 'HTTP basic authentication user' }) httpUser!: string;
  @ApiProperty({ example: '', description: 'Always `""`: the password is stored sealed and never shown' })
  httpPass!: string;
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'Standard Webhooks signing secret: shown only when the webhook is created and when it is rotated; `""` otherwise',
  })
  signatureKey!: string;
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({
    example: 'Disabled after 20 consecutive failed deliveries; last: HTTP 500',
    description: 'The last failure, or why the webhook was disabled; `""` after a success',
  })
  logs!: string;
  @ApiProperty({ example: 0, description: 'Consecutive failed requests' }) attempts!: number;
}

export class WebhookListModel {
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ type: [WebhookModel] }) webhooks!: WebhookModel[];
}

/** Extension: one event's delivery to a webhook (its latest round). */
export class WebhookDeliveryModel {
  @ApiProperty({ example: '5e5ea5c16897e' }) $id!: string;
  @ApiProperty({ example: DATE }) $createdAt!: string;
  @ApiProperty({ example: DATE }) $updatedAt!: string;
  @ApiProperty({ example: '5e5ea5c16897e' }) webhookId!: string;
  @ApiProperty({
    example: '0190a000-0000-7000-8000-000000000001',
    description: 'Also the `webhook-id` header',
  })
  eventId!: string;
  @ApiProperty({ example: 42, description: 'Position of the event in the log' }) eventPosition!: number;
  @ApiProperty({ example: 'user.status.changed' }) eventType!: string;
  @ApiProperty({ example: 'users.5e5ea5c16897e.update.status' }) event!: string;
  @ApiProperty({ example: 'delivered', enum: ['pending', 'delivered', 'failed'] }) status!: string;
  @ApiProperty({ example: 1, description: 'Requests made in the latest round' }) attempts!: number;
  @ApiProperty({ example: 200, nullable: true, type: Number }) responseStatusCode!: number | null;
  @ApiProperty({ example: 35, nullable: true, type: Number, description: 'Milliseconds of the last request' })
  duration!: number | null;
  @ApiProperty({ example: null, nullable: true, type: String }) lastError!: string | null;
}

export class WebhookDeliveryListModel {
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ type: [WebhookDeliveryModel] }) deliveries!: WebhookDeliveryModel[];
}

/** Extension: an accepted replay. */
export class WebhookReplayModel {
  @ApiProperty({ example: '5e5ea5c16897e' }) $id!: string;
  @ApiProperty({ example: '5e5ea5c16897e' }) webhookId!: string;
  @ApiProperty({ example: 0, description: 'Events after this position are replayed' }) after!: number;
  @ApiProperty({ example: 1234, description: 'up to this one (the last when asked)' }) until!: number;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'and only from this time on' })
  since!: string | null;
}

export function toWebhookModel(webhook: WebhookRecord, signatureKey = ''): WebhookModel {
  return {
    $id: webhook.id,
    $createdAt: formatDateTime(webhook.createdAt),
    $updatedAt: formatDateTime(webhook.updatedAt),
    name: webhook.name,
    url: webhook.url,
    events: webhook.events,
    security: webhook.security,
    httpUser: webhook.httpUser,
    httpPass: '',
    signatureKey,
    enabled: webhook.enabled,
    logs: webhook.logs,
    attempts: webhook.attempts,
  };
}

export function toDeliveryModel(delivery: DeliveryRecord): WebhookDeliveryModel {
  return {
    $id: delivery.id,
    $createdAt: formatDateTime(delivery.createdAt),
    $updatedAt: formatDateTime(delivery.updatedAt),
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    eventPosition: delivery.eventPosition,
    eventType: delivery.eventType,
    event: delivery.eventName,
    status: delivery.status,
    attempts: delivery.attempts,
    responseStatusCode: delivery.responseStatusCode,
    duration: delivery.durationMs,
    lastError: delivery.lastError,
  };
}
