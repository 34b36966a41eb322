import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { AccessTokenModel } from '../../dtos/access-token.response.dto';
import { toAccessTokenModel } from '../../infrastructure/access-token.mapper';
import { UserAccessTokens } from '../../infrastructure/user-access-tokens';

/** Every token of the user as it is now, oldest first, without secrets; `user_not_found` for an unknown user. */
export class ListUserAccessTokensQuery extends Query<AccessTokenModel[]> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(ListUserAccessTokensQuery)
export class ListUserAccessTokensHandler implements IQueryHandler<
  ListUserAccessTokensQuery,
  AccessTokenModel[]
> {
  constructor(private readonly own: UserAccessTokens) {}

  async execute({ userId }: ListUserAccessTokensQuery): Promise<AccessTokenModel[]> {
    return (await this.own.list(userId)).map((row) => toAccessTokenModel(row));
  }
}
