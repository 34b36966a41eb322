import { Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors } from '../../../common';
import { WebhookNotFoundError } from '../../domain/webhook.errors';
import { toWebhookModel, WebhookModel } from '../../dtos/webhook.response.dto';
import { WebhookIdPipe } from '../../webhook-id.pipe';
import { WebhooksService } from '../../webhooks.service';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class UpdateWebhookSignatureController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Patch(':webhookId/signature')
  @RequireScopes('webhooks.write')
  @ApiOperation({
    operationId: 'webhooks.updateSignature',
    summary: "Rotate a webhook's signing secret (Extension)",
    description: 'The new secret signs every request from now on (retries included) and is shown this once.',
  })
  @ApiOkResponse({ type: WebhookModel, description: 'The webhook with its new signing secret (shown once)' })
  @ApiAppwriteErrors(...WebhookIdPipe.errors, WebhookNotFoundError)
  async rotate(@Param('webhookId', WebhookIdPipe) webhookId: string) {
    const { webhook, signatureKey } = await this.webhooks.rotateSignature(webhookId);
    return toWebhookModel(webhook, signatureKey);
  }
}
