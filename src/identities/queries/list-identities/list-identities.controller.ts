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
  QUERY_ERRORS,
  defineParams,
} from '../../../common';
import { IdentityListModel } from '../../dtos/identity.response.dto';
import { toIdentityModel } from '../../infrastructure/identity.mapper';
import { ListIdentitiesQuery } from './list-identities.handler';

const ListIdentitiesRequest = defineParams<{ search: string | undefined; total: boolean }>(
  'ListIdentitiesRequest',
  {
    search: { validator: searchText },
    total: { validator: looseBoolean, default: true },
  },
);

@ApiTags('users')
@Controller('v1/users')
export class ListIdentitiesController {
  constructor(private readonly queryBus: QueryBus) {}

  // A static segment: find-my-way matches it before `:userId`, whatever the registration order.
  @Get('identities')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.listIdentities',
    summary: 'List identities of all users',
    description:
      'Filters, orders and pages with Appwrite queries. Attributes: `$id`, `$createdAt`, `$updatedAt`, ' +
      '`$sequence`, `userId`, `provider`, `providerUid`, `providerEmail`, `providerAccessTokenExpiry`. ' +
      'Default order: creation. `search` works here, unlike Appwrite, which answers it with a 500 ' +
      '(1.9.6) or 400 `general_query_invalid` (later versions).',
  })
  @ApiQuery({
    name: 'queries',
    required: false,
    type: [String],
    description:
      'Appwrite queries as JSON strings (`{"method":"equal","attribute":"provider","values":["github"]}`) or ' +
      'in the older string form; send as `queries[0]=…&queries[1]=…` or `queries[]=…`',
  })
  @ApiQuery({
    name: 'search',
    required: false,
    type: String,
    description:
      'Words or word prefixes of provider, providerUid or providerEmail; every word must match (1-256 chars)',
  })
  @ApiQuery({
    name: 'total',
    required: false,
    type: Boolean,
    description: '`false` skips counting (`total` is 0)',
  })
  @ApiOkResponse({ type: IdentityListModel, description: 'A page of identities and the total that match' })
  @ApiAppwriteErrors(
    ...ListIdentitiesRequest.errors,
    ...QUERY_ERRORS,
    new CursorNotFoundError('5e5ea5c16897e'),
    new QueryOrderNullError('providerEmail'),
  )
  async list(@QueryString() query: Record<string, unknown>) {
    const params = ListIdentitiesRequest.parse(query);
    // Appwrite 0.x clients page with `limit`/`offset`/… params instead of queries.
    const queries = withLegacyPaging(arrayQueryParam(query, 'queries') ?? [], query, {
      orderAttribute: '$sequence',
      cursor: true,
    });
    const page = await this.queryBus.execute(new ListIdentitiesQuery(queries, params.search, params.total));
    return { total: page.total, identities: page.rows.map(toIdentityModel) };
  }
}
