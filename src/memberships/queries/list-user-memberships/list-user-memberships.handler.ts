import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { compileQueries, parseQueries } from '@libs/appwrite-queries';
import { CursorNotFoundError } from '@libs/http';
import { GetUserQuery } from '../../../users';
import type { MembershipModel } from '../../dtos/membership.response.dto';
import { MEMBERSHIPS_QUERY_SCHEMA } from '../../infrastructure/memberships-query.schema';

export interface MembershipPage {
  total: number;
  memberships: MembershipModel[];
}

export class ListUserMembershipsQuery extends Query<MembershipPage> {
  constructor(
    readonly userId: string,
    readonly queries: string[],
    readonly search: string | undefined,
    readonly withTotal: boolean,
  ) {
    super();
  }
}

/**
 * Validates the request as Appwrite does (queries first, then the user) and answers the empty list: until
 * teams exist no user has a membership, so a cursor can name no membership either.
 */
@QueryHandler(ListUserMembershipsQuery)
export class ListUserMembershipsHandler implements IQueryHandler<ListUserMembershipsQuery, MembershipPage> {
  constructor(private readonly queryBus: QueryBus) {}

  async execute({ userId, queries }: ListUserMembershipsQuery): Promise<MembershipPage> {
    const compiled = compileQueries(parseQueries(queries), MEMBERSHIPS_QUERY_SCHEMA);
    await this.queryBus.execute(new GetUserQuery(userId));
    if (compiled.cursor) throw new CursorNotFoundError(compiled.cursor.id, 'Membership');
    // `total` counts the returned page (Appwrite's rule for this route): 0 with or without `total=false`.
    return { total: 0, memberships: [] };
  }
}
