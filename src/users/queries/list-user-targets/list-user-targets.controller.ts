import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CursorNotFoundError } from '@libs/http';
import { looseBoolean } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, arrayQueryParam, defineParams, QUERY_ERRORS, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { TargetListModel } from '../../dtos/user.response.dto';
import { toTargetModel } from '../../infrastructure/target.mapper';
import { targetViewFromRow } from '../../infrastructure/target.row';
import { ListUserTargetsQuery } from './list-user-targets.handler';

const ListUserTargetsRequest = defineParams<{ total: boolean }>('ListUserTargetsRequest', {
  total: { validator: looseBoolean, default: true },
});

@ApiTags('users')
@Controller('v1/users')
export class ListUserTargetsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId/targets')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.listTargets',
    summary: 'List the messaging targets of a user',
    description:
      "The email and sms targets that come with the user's email and phone, and those made through " +
      '`POST /v1/users/{userId}/targets`. Filters, orders and pages with Appwrite queries. Attributes: `$id`, ' +
      '`$createdAt`, `$updatedAt`, `$sequence`, `userId`, `providerType`, `identifier`, `name`. Default order: creation.',
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description: 'Appwrite queries as JSON strings; send as `queries[0]=…&queries[1]=…` or `queries[]=…`',
  })
  @ApiQuery({
    name: 'total',
    required: false,
    type: Boolean,
    description: '`false` skips counting (`total` is 0)',
  })
  @ApiOkResponse({ type: TargetListModel, description: "A page of the user's targets and their total" })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...ListUserTargetsRequest.errors,
    ...QUERY_ERRORS,
    new CursorNotFoundError('5e5ea5c16897e'),
    UserNotFoundError,
  )
  async list(@Param('userId', UserIdPipe) userId: string, @QueryString() query: Record<string, unknown>) {
    const params = ListUserTargetsRequest.parse(query);
    const queries = arrayQueryParam(query, 'queries') ?? [];
    const page = await this.queryBus.execute(new ListUserTargetsQuery(userId, queries, params.total));
    return { total: page.total, targets: page.rows.map((row) => toTargetModel(targetViewFromRow(row))) };
  }
}
