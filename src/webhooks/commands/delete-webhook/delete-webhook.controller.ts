import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors } from '../../../common';
import { WebhookNotFoundError } from '../../domain/webhook.errors';
import { WebhookIdPipe } from '../../webhook-id.pipe';
import { WebhooksService } from '../../webhooks.service';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class DeleteWebhookController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Delete(':webhookId')
  @HttpCode(204)
  @RequireScopes('webhooks.write')
  @ApiOperation({
    operationId: 'webhooks.delete',
    summary: 'Delete a webhook (Extension)',
    description: 'Its delivery log goes too, and the key sealing its secrets is destroyed. Extension.',
  })
  @ApiNoContentResponse({ description: 'Deleted (no body)' })
  @ApiAppwriteErrors(...WebhookIdPipe.errors, WebhookNotFoundError)
  async delete(@Param('webhookId', WebhookIdPipe) webhookId: string): Promise<void> {
    await this.webhooks.delete(webhookId);
  }
}
