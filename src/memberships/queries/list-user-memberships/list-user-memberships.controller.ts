import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CursorNotFoundError } from '@libs/http';
import { looseBoolean, searchText } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import {
  ApiAppwriteErrors,
  arrayQueryParam,
  withLegacyPaging,
  UserIdPipe,
  QUERY_ERRORS,
  defineParams,
} from '../../../common';
import { UserNotFoundError } from '../../../users';
import { MembershipListModel } from '../../dtos/membership.response.dto';
import { ListUserMembershipsQuery } from './list-user-memberships.handler';

const ListUserMembershipsRequest = defineParams<{ search: string | undefined; total: boolean }>(
  'ListUserMembershipsRequest',
  {
    search: { validator: searchText },
    total: { validator: looseBoolean, default: true },
  },
);

@ApiTags('users')
@Controller('v1/users')
export class ListUserMembershipsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId/memberships')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.listMemberships',
    summary: "List a user's team memberships",
    description:
      'Teams are not implemented yet, so the list is always empty; `queries` and `search` are validated as ' +
      'Appwrite does. Attributes: `$id`, `$createdAt`, `$updatedAt`, `$sequence`, `userId`, `teamId`, ' +
      '`invited`, `joined`, `confirm`, `roles` (`contains`).',
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description: 'Appwrite queries as JSON strings; send as `queries[0]=…&queries[1]=…` or `queries[]=…`',
  })
  @ApiQuery({ name: 'search', required: false, type: String, description: '1-256 chars' })
  @ApiQuery({
    name: 'total',
    required: false,
    type: Boolean,
    description: 'The size of the returned page, as in Appwrite; `false` gives 0',
  })
  @ApiOkResponse({ type: MembershipListModel, description: 'The memberships (none yet) and their total' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...ListUserMembershipsRequest.errors,
    ...QUERY_ERRORS,
    new CursorNotFoundError('5e5ea5c16897e', 'Membership'),
    UserNotFoundError,
  )
  async list(@Param('userId', UserIdPipe) userId: string, @QueryString() query: Record<string, unknown>) {
    const params = ListUserMembershipsRequest.parse(query);
    // Appwrite 0.x clients page with `limit`/`offset`/… params instead of queries.
    const queries = withLegacyPaging(arrayQueryParam(query, 'queries') ?? [], query, {
      orderAttribute: '$sequence',
      cursor: true,
    });
    return this.queryBus.execute(new ListUserMembershipsQuery(userId, queries, params.search, params.total));
  }
}
