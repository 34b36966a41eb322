import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetUserQuery, type UserView } from '../../users';
import { AccessTokenNotFoundError } from '../domain/access-token.errors';
import type { AccessTokenRow } from './access-token.row';
import { AccessTokensReader } from './access-tokens.reader';

/**
 * The tokens a user's routes see: those issued to the user as it is now. An unknown user is `user_not_found`;
 * a token of another user, or of an earlier user of the same id, is `user_access_token_not_found`.
 */
@Injectable()
export class UserAccessTokens {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reader: AccessTokensReader,
  ) {}

  async user(userId: string): Promise<UserView> {
    return this.queryBus.execute(new GetUserQuery(userId));
  }

  async list(userId: string): Promise<AccessTokenRow[]> {
    return this.reader.listOfUser(await this.user(userId));
  }

  async find(userId: string, tokenId: string): Promise<AccessTokenRow> {
    const row = await this.reader.findOfUser(await this.user(userId), tokenId);
    if (!row) throw new AccessTokenNotFoundError();
    return row;
  }
}
