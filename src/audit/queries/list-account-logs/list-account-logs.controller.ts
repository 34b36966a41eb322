import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { looseBoolean } from '@libs/http/params';
import { ApiAppwriteErrors, arrayQueryParam, defineParams, QUERY_ERRORS } from '../../../common';
import { AccountPrincipal, CurrentSession, RequireSession } from '../../../sessions';
import { LogListModel } from '../../dtos/log.response.dto';
import { toLogModel } from '../../infrastructure/log.mapper';
import { ListUserLogsQuery } from '../list-user-logs/list-user-logs.query';

const ListAccountLogsRequest = defineParams<{ total: boolean }>('ListAccountLogsRequest', {
  total: { validator: looseBoolean, default: true },
});

@ApiTags('account')
@Controller('v1/account')
export class ListAccountLogsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('logs')
  @RequireSession()
  @ApiOperation({
    operationId: 'account.listLogs',
    summary: "List the current user's activity logs",
    description:
      'The same log as `GET /v1/users/{userId}/logs` for the user of the session, newest first. Logs appear ' +
      'shortly after the change (they are written by the worker).',
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description: 'Only `limit` (default 25) and `offset` queries, e.g. `{"method":"limit","values":[10]}`',
  })
  @ApiQuery({
    name: 'total',
    required: false,
    type: Boolean,
    description: '`false` skips counting (`total` is 0)',
  })
  @ApiOkResponse({ type: LogListModel, description: 'A page of the logs, newest first, and their total' })
  @ApiAppwriteErrors(...ListAccountLogsRequest.errors, ...QUERY_ERRORS)
  async list(@CurrentSession() current: AccountPrincipal, @QueryString() query: Record<string, unknown>) {
    const params = ListAccountLogsRequest.parse(query);
    const queries = arrayQueryParam(query, 'queries') ?? [];
    const page = await this.queryBus.execute(new ListUserLogsQuery(current.user.id, queries, params.total));
    return { total: page.total, logs: page.rows.map(toLogModel) };
  }
}
