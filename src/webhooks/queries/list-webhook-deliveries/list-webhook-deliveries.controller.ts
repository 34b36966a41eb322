import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, QUERY_ERRORS } from '../../../common';
import { WebhookNotFoundError } from '../../domain/webhook.errors';
import { toDeliveryModel, WebhookDeliveryListModel } from '../../dtos/webhook.response.dto';
import { WebhookIdPipe } from '../../webhook-id.pipe';
import { WebhooksService } from '../../webhooks.service';
import { paging } from '../paging';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class ListWebhookDeliveriesController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get(':webhookId/deliveries')
  @RequireScopes('webhooks.read')
  @ApiOperation({
    operationId: 'webhooks.listDeliveries',
    summary: "List a webhook's deliveries (Extension)",
    description:
      'One per event sent to the webhook, newest event first: status, attempts, last answer and error.',
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description: 'Only `limit` (default 25) and `offset` queries',
  })
  @ApiOkResponse({ type: WebhookDeliveryListModel, description: 'A page of deliveries and their total' })
  @ApiAppwriteErrors(...WebhookIdPipe.errors, ...QUERY_ERRORS, WebhookNotFoundError)
  async list(@Param('webhookId', WebhookIdPipe) webhookId: string, @Query() query: Record<string, unknown>) {
    const { limit, offset } = paging(query);
    const page = await this.webhooks.listDeliveries(webhookId, limit, offset);
    return { total: page.total, deliveries: page.deliveries.map(toDeliveryModel) };
  }
}
