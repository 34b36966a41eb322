import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { searchText } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, arrayQueryParam, QUERY_ERRORS, defineParams } from '../../../common';
import { CountUsersQuery } from './count-users.handler';

const CountUsersRequest = defineParams<{ search: string | undefined }>('CountUsersRequest', {
  search: { validator: searchText },
});

class UserCountModel {
  @ApiProperty({ example: 1250000, description: 'Every user that matches; not capped' })
  total!: number;
}

/** Extension: `users.list`'s filters, counted exactly. */
@ApiTags('users')
@Controller('v1/users')
export class CountUsersController {
  constructor(private readonly queryBus: QueryBus) {}

  // A static segment: find-my-way matches it before `:userId`, whatever the registration order.
  @Get('count')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.count',
    summary: 'Count users (extension)',
    description:
      'Not in Appwrite. Takes the same `queries` and `search` as `users.list` and counts every user that ' +
      'matches, where the list’s `total` stops at 5000. Pagination and order queries are validated and ' +
      'ignored. Fast for filters on indexed attributes; a user id of `count` is refused at creation.',
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description: 'As in `users.list`, e.g. `{"method":"equal","attribute":"status","values":[false]}`',
  })
  @ApiQuery({ name: 'search', required: false, type: String, description: 'As in `users.list`' })
  @ApiOkResponse({ type: UserCountModel, description: 'How many users match' })
  @ApiAppwriteErrors(...CountUsersRequest.errors, ...QUERY_ERRORS)
  async count(@QueryString() query: Record<string, unknown>): Promise<UserCountModel> {
    const { search } = CountUsersRequest.parse(query);
    const queries = arrayQueryParam(query, 'queries') ?? [];
    return { total: await this.queryBus.execute(new CountUsersQuery(queries, search)) };
  }
}
