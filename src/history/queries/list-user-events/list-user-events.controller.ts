import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CursorNotFoundError } from '@libs/http';
import { looseBoolean } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import {
  ApiAppwriteErrors,
  arrayQueryParam,
  Caller,
  CallerView,
  defineParams,
  QUERY_ERRORS,
  UserIdPipe,
} from '../../../common';
import { UserNotFoundError } from '../../../users';
import { UserEventListModel } from '../../dtos/user-event.response.dto';
import { includeStreams, OWN_STREAM } from '../../history-streams';
import { toUserEventModel } from '../../infrastructure/user-event.mapper';
import { ListUserEventsQuery } from './list-user-events.handler';

const ListUserEventsRequest = defineParams<{ include: string[]; total: boolean }>('ListUserEventsRequest', {
  include: { validator: includeStreams, default: OWN_STREAM },
  total: { validator: looseBoolean, default: true },
});

@ApiTags('users')
@Controller('v1/users')
export class ListUserEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId/events')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.listEvents',
    summary: "Extension: list a user's event history",
    description:
      "Extension (no Appwrite equivalent). Every event of the user's stream, oldest first, decoded: who did it " +
      '(`actor`), from where (`requestId`, `ip`, `userAgent`) and what changed (`data`). `include=sessions,identities` ' +
      "adds the events of the user's sessions and identities, in global order. A deleted user's history still " +
      'answers; a re-created user with the same id continues the same stream.',
  })
  @ApiQuery({
    name: 'include',
    required: false,
    type: String,
    description:
      "Streams to add to the user's own: `sessions`, `identities`, `access-tokens` (comma-separated)",
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description:
      '`limit` (default 25), `offset`, `cursorAfter` / `cursorBefore` (an event `$id`), `equal("type", [...])` ' +
      'and `notEqual("type", [...])`',
  })
  @ApiQuery({
    name: 'total',
    required: false,
    type: Boolean,
    description: '`false` skips counting (`total` is 0)',
  })
  @ApiOkResponse({ type: UserEventListModel, description: "A page of the user's events and their total" })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...ListUserEventsRequest.errors,
    ...QUERY_ERRORS,
    new CursorNotFoundError('<eventId>', 'Event'),
    UserNotFoundError,
  )
  async list(
    @Param('userId', UserIdPipe) userId: string,
    @QueryString() query: Record<string, unknown>,
    @Caller() caller: CallerView,
  ) {
    const { include, total } = ListUserEventsRequest.parse(query);
    const queries = arrayQueryParam(query, 'queries') ?? [];
    const page = await this.queryBus.execute(new ListUserEventsQuery(userId, include, queries, total));
    return { total: page.total, events: page.events.map((event) => toUserEventModel(event, caller)) };
  }
}
