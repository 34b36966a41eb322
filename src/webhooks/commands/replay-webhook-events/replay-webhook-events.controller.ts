import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { fail, ok, ParamValidator } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams } from '../../../common';
import { WebhookNotFoundError } from '../../domain/webhook.errors';
import { WebhookReplayModel } from '../../dtos/webhook.response.dto';
import { WebhookIdPipe } from '../../webhook-id.pipe';
import { ReplayFrom, WebhooksService } from '../../webhooks.service';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A position of the event log (events after it), or an ISO 8601 time (events from then on). */
const replayFrom: ParamValidator<ReplayFrom> = {
  description: 'Value must be a position of the event log (an integer ≥ 0) or an ISO 8601 date',
  // Documented as text (Swagger's schema here takes one type); a JSON integer is taken too.
  schema: { type: 'string', pattern: '^([0-9]+|[0-9]{4}-[0-9]{2}-[0-9]{2}.*)$' },
  parse(value) {
    if (typeof value === 'number')
      return Number.isSafeInteger(value) && value >= 0 ? ok({ position: value }) : fail();
    if (typeof value !== 'string') return fail();
    if (/^\d{1,15}$/.test(value)) return ok({ position: Number(value) });
    const time = ISO_DATE.test(value) ? new Date(value) : undefined;
    return time && !Number.isNaN(time.getTime()) ? ok({ since: time }) : fail();
  },
};

export const ReplayWebhookEventsRequest = defineParams<{ from: ReplayFrom }>('ReplayWebhookEventsRequest', {
  from: {
    validator: replayFrom,
    required: true,
    example: '0',
    description: 'Replay the events after this position (`0`: all), or from this ISO 8601 time on',
  },
});

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class ReplayWebhookEventsController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post(':webhookId/replay')
  @HttpCode(202)
  @RequireScopes('webhooks.write')
  @ApiOperation({
    operationId: 'webhooks.replay',
    summary: 'Replay past events to a webhook (Extension)',
    description:
      "For a receiver that lost data: every event the webhook's events match, after the position or from the " +
      'time given, up to the last event now, is delivered again (same `webhook-id`s, in order of the log), by ' +
      'a worker job that pages through the event store. Later events arrive as usual.',
  })
  @ApiBody({ type: ReplayWebhookEventsRequest.dto })
  @ApiAcceptedResponse({ type: WebhookReplayModel, description: 'The replay, queued' })
  @ApiAppwriteErrors(...WebhookIdPipe.errors, ...ReplayWebhookEventsRequest.errors, WebhookNotFoundError)
  async replay(@Param('webhookId', WebhookIdPipe) webhookId: string, @Body() body: unknown) {
    const { from } = ReplayWebhookEventsRequest.parse(body);
    const job = await this.webhooks.replay(webhookId, from);
    return { $id: job.replayId, webhookId, after: job.after, until: job.until, since: job.since };
  }
}
