import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams, when } from '../../../common';
import { privateUrlError, WebhookAlreadyExistsError } from '../../domain/webhook.errors';
import { toWebhookModel, WebhookModel } from '../../dtos/webhook.response.dto';
import { WebhooksService } from '../../webhooks.service';
import { WebhookBody, webhookFields, webhookIdField } from '../webhook.params';

export const CreateWebhookRequest = defineParams<WebhookBody & { webhookId: string }>(
  'CreateWebhookRequest',
  {
    webhookId: webhookIdField,
    ...webhookFields(true),
  },
);

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class CreateWebhookController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @HttpCode(201)
  @RequireScopes('webhooks.write')
  @ApiOperation({
    operationId: 'webhooks.create',
    summary: 'Create a webhook (Extension)',
    description:
      'Extension (Appwrite has webhooks in its console API only). The response carries the Standard Webhooks ' +
      'signing secret in `signatureKey`: it is shown this once (and on a rotation), stored sealed.',
  })
  @ApiBody({ type: CreateWebhookRequest.dto })
  @ApiCreatedResponse({
    type: WebhookModel,
    description: 'The webhook, with its signing secret (shown once)',
  })
  @ApiAppwriteErrors(
    ...CreateWebhookRequest.errors,
    when(privateUrlError('127.0.0.1'), 'The URL resolves to a loopback, private or link-local address'),
    WebhookAlreadyExistsError,
  )
  async create(@Body() body: unknown) {
    const { webhookId, ...settings } = CreateWebhookRequest.parse(body);
    const { webhook, signatureKey } = await this.webhooks.create(webhookId, settings);
    return toWebhookModel(webhook, signatureKey);
  }
}
