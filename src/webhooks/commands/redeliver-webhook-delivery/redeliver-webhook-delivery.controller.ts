import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors } from '../../../common';
import { WebhookDeliveryNotFoundError, WebhookNotFoundError } from '../../domain/webhook.errors';
import { toDeliveryModel, WebhookDeliveryModel } from '../../dtos/webhook.response.dto';
import { DeliveryIdPipe, WebhookIdPipe } from '../../webhook-id.pipe';
import { WebhooksService } from '../../webhooks.service';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class RedeliverWebhookDeliveryController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post(':webhookId/deliveries/:deliveryId')
  @HttpCode(202)
  @RequireScopes('webhooks.write')
  @ApiOperation({
    operationId: 'webhooks.createDelivery',
    summary: 'Deliver one event again (Extension)',
    description:
      'Queues the delivery again, attempts counted from zero; same `webhook-id`, a fresh signature.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryModel, description: 'The delivery, pending again' })
  @ApiAppwriteErrors(
    ...WebhookIdPipe.errors,
    ...DeliveryIdPipe.errors,
    WebhookNotFoundError,
    WebhookDeliveryNotFoundError,
  )
  async redeliver(
    @Param('webhookId', WebhookIdPipe) webhookId: string,
    @Param('deliveryId', DeliveryIdPipe) deliveryId: string,
  ) {
    return toDeliveryModel(await this.webhooks.redeliver(webhookId, deliveryId));
  }
}
