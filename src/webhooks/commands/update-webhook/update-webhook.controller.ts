import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams, when } from '../../../common';
import { privateUrlError, WebhookNotFoundError } from '../../domain/webhook.errors';
import { toWebhookModel, WebhookModel } from '../../dtos/webhook.response.dto';
import { WebhookIdPipe } from '../../webhook-id.pipe';
import { WebhooksService } from '../../webhooks.service';
import { WebhookBody, webhookFields } from '../webhook.params';

export const UpdateWebhookRequest = defineParams<Partial<WebhookBody>>(
  'UpdateWebhookRequest',
  webhookFields(false),
);

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class UpdateWebhookController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Patch(':webhookId')
  @RequireScopes('webhooks.write')
  @ApiOperation({
    operationId: 'webhooks.update',
    summary: 'Update a webhook (Extension)',
    description:
      'Changes only the fields sent. Enabling a webhook clears its failure count and reason. Extension.',
  })
  @ApiBody({ type: UpdateWebhookRequest.dto })
  @ApiOkResponse({ type: WebhookModel, description: 'The webhook (without its signing secret)' })
  @ApiAppwriteErrors(
    ...WebhookIdPipe.errors,
    ...UpdateWebhookRequest.errors,
    when(privateUrlError('127.0.0.1'), 'The URL resolves to a loopback, private or link-local address'),
    WebhookNotFoundError,
  )
  async update(@Param('webhookId', WebhookIdPipe) webhookId: string, @Body() body: unknown) {
    const patch = Object.fromEntries(
      Object.entries(UpdateWebhookRequest.parse(body)).filter(([, value]) => value !== undefined),
    );
    return toWebhookModel(await this.webhooks.update(webhookId, patch));
  }
}
