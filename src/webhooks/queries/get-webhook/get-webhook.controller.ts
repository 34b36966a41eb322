import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors } from '../../../common';
import { WebhookNotFoundError } from '../../domain/webhook.errors';
import { toWebhookModel, WebhookModel } from '../../dtos/webhook.response.dto';
import { WebhookIdPipe } from '../../webhook-id.pipe';
import { WebhooksService } from '../../webhooks.service';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class GetWebhookController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get(':webhookId')
  @RequireScopes('webhooks.read')
  @ApiOperation({ operationId: 'webhooks.get', summary: 'Get a webhook (Extension)' })
  @ApiOkResponse({ type: WebhookModel, description: 'The webhook (its secrets are never shown here)' })
  @ApiAppwriteErrors(...WebhookIdPipe.errors, WebhookNotFoundError)
  async get(@Param('webhookId', WebhookIdPipe) webhookId: string) {
    return toWebhookModel(await this.webhooks.get(webhookId));
  }
}
