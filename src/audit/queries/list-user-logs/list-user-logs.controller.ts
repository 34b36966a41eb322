import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { formatDateTime } from '@libs/http';
import { looseBoolean } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, arrayQueryParam, UserIdPipe, QUERY_ERRORS, defineParams } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { LogListModel, LogModel } from '../../dtos/log.response.dto';
import { ActivityLogRow, LOG_FIELDS } from '../../infrastructure/activity-log.columns';
import { ListUserLogsQuery } from './list-user-logs.query';

const ListUserLogsRequest = defineParams<{ total: boolean }>('ListUserLogsRequest', {
  total: { validator: looseBoolean, default: true },
});

export function toLogModel(row: ActivityLogRow): LogModel {
  const model: Record<string, string> = {};
  for (const [key, column] of LOG_FIELDS) {
    model[key] = key === 'time' ? formatDateTime(row.time as Date) : String(row[column] ?? '');
  }
  return model as unknown as LogModel;
}

@ApiTags('users')
@Controller('v1/users')
export class ListUserLogsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId/logs')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.listLogs',
    summary: "List a user's activity logs",
    description:
      'Every change to the user, its sessions and its identities, newest first. Logs appear shortly after ' +
      'the change (they are written by the worker).',
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
  @ApiOkResponse({
    type: LogListModel,
    description: "A page of the user's logs, newest first, and their total",
  })
  @ApiAppwriteErrors(...UserIdPipe.errors, ...ListUserLogsRequest.errors, ...QUERY_ERRORS, UserNotFoundError)
  async list(@Param('userId', UserIdPipe) userId: string, @QueryString() query: Record<string, unknown>) {
    const params = ListUserLogsRequest.parse(query);
    const queries = arrayQueryParam(query, 'queries') ?? [];
    const page = await this.queryBus.execute(new ListUserLogsQuery(userId, queries, params.total));
    return { total: page.total, logs: page.rows.map(toLogModel) };
  }
}
