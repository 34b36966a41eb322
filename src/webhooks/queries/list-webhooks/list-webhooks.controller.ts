import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, QUERY_ERRORS } from '../../../common';
import { toWebhookModel, WebhookListModel } from '../../dtos/webhook.response.dto';
import { WebhooksService } from '../../webhooks.service';
import { paging } from '../paging';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class ListWebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @RequireScopes('webhooks.read')
  @ApiOperation({
    operationId: 'webhooks.list',
    summary: 'List webhooks (Extension)',
    description: 'Oldest first.',
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description: 'Only `limit` (default 25) and `offset` queries',
  })
  @ApiOkResponse({ type: WebhookListModel, description: 'A page of webhooks and their total' })
  @ApiAppwriteErrors(...QUERY_ERRORS)
  async list(@Query() query: Record<string, unknown>) {
    const { limit, offset } = paging(query);
    const page = await this.webhooks.list(limit, offset);
    return { total: page.total, webhooks: page.webhooks.map((w) => toWebhookModel(w)) };
  }
}
