import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { looseBoolean } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, legacyPaging, UserIdPipe, defineParams } from '../../../common';
import { UserNotFoundError, GetUserQuery } from '../../../users';
import { SessionListModel } from '../../dtos/session.response.dto';
import { toSessionModel } from '../../infrastructure/session.mapper';
import { SessionsReader } from '../../infrastructure/sessions.reader';

const ListSessionsRequest = defineParams<{ total: boolean }>('ListSessionsRequest', {
  total: { validator: looseBoolean, default: true },
});

@ApiTags('users')
@Controller('v1/users')
export class ListUserSessionsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reader: SessionsReader,
  ) {}

  @Get(':userId/sessions')
  @RequireScopes('users.read', 'sessions.read')
  @ApiOperation({
    operationId: 'users.listSessions',
    summary: "List a user's live sessions",
    description: 'Oldest first. `secret` is always `""` here: listing never hands out a usable secret.',
  })
  @ApiQuery({ name: 'total', required: false, type: Boolean })
  @ApiOkResponse({ type: SessionListModel, description: 'The live sessions and their total' })
  @ApiAppwriteErrors(...UserIdPipe.errors, ...ListSessionsRequest.errors, UserNotFoundError)
  async list(@Param('userId', UserIdPipe) userId: string, @QueryString() query: Record<string, unknown>) {
    const { total } = ListSessionsRequest.parse(query);
    // Appwrite 0.x paging params (`limit`, `offset`, `orderType`) page the list; `total` still counts all.
    const { limit, offset = 0, orderType } = legacyPaging(query);
    await this.queryBus.execute(new GetUserQuery(userId));
    const rows = await this.reader.listLive(userId);
    const ordered = orderType === 'DESC' ? [...rows].reverse() : rows;
    const page = ordered.slice(offset, limit === undefined ? undefined : offset + limit);
    return { total: total ? rows.length : 0, sessions: page.map((row) => toSessionModel(row)) };
  }
}
