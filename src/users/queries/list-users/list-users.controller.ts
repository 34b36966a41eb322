import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CursorNotFoundError, QueryOrderNullError } from '@libs/http';
import { looseBoolean, searchText } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import {
  ApiAppwriteErrors,
  arrayQueryParam,
  withLegacyPaging,
  Caller,
  CallerView,
  QUERY_ERRORS,
  defineParams,
} from '../../../common';
import { UserListModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { userViewFromRow } from '../../infrastructure/user.row';
import { ListUsersQuery } from './list-users.handler';

const ListUsersRequest = defineParams<{ search: string | undefined; total: boolean }>('ListUsersRequest', {
  search: { validator: searchText },
  total: { validator: looseBoolean, default: true },
});

@ApiTags('users')
@Controller('v1/users')
export class ListUsersController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.list',
    summary: 'List users',
    description:
      'Filters, orders and pages with Appwrite queries. Attributes: `$id`, `$createdAt`, `$updatedAt`, `$sequence`, ' +
      '`name`, `email`, `phone`, `status`, `passwordUpdate`, `registration`, `emailVerification`, ' +
      '`phoneVerification`, `labels` (`contains`), `accessedAt`, `impersonator`. Default order: creation.',
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description:
      'Appwrite queries as JSON strings (`{"method":"equal","attribute":"name","values":["Ada"]}`) or in the ' +
      'older string form (`equal("name", ["Ada"])`); send as `queries[0]=…&queries[1]=…` or `queries[]=…`',
  })
  @ApiQuery({
    name: 'search',
    required: false,
    type: String,
    description:
      'Words or word prefixes of id, name, email or phone, or `label:<label>`; every word must match (1-256 chars)',
  })
  @ApiQuery({
    name: 'total',
    required: false,
    type: Boolean,
    description: '`false` skips counting (`total` is 0)',
  })
  @ApiOkResponse({
    type: UserListModel,
    description: 'A page of users and the total that match (at most 5000)',
  })
  @ApiAppwriteErrors(
    ...ListUsersRequest.errors,
    ...QUERY_ERRORS,
    new CursorNotFoundError('5e5ea5c16897e'),
    new QueryOrderNullError('email'),
  )
  async list(@QueryString() query: Record<string, unknown>, @Caller() caller: CallerView) {
    const params = ListUsersRequest.parse(query);
    // Appwrite 0.x clients page with `limit`/`offset`/… params instead of queries.
    const queries = withLegacyPaging(arrayQueryParam(query, 'queries') ?? [], query, {
      orderAttribute: '$sequence',
      cursor: true,
    });
    const page = await this.queryBus.execute(new ListUsersQuery(queries, params.search, params.total));
    return { total: page.total, users: page.rows.map((row) => toUserModel(userViewFromRow(row), caller)) };
  }
}
