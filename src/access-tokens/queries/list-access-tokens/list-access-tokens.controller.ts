import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { AccessTokenListModel } from '../../dtos/access-token.response.dto';
import { ListUserAccessTokensQuery } from './list-access-tokens.handler';

@ApiTags('users')
@Controller('v1/users')
export class ListAccessTokensController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId/access-tokens')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.listAccessTokens',
    summary: "List a user's personal access tokens (extension)",
    description:
      'Extension (not in Appwrite). Every token of the user (disabled and expired ones included, deleted ones ' +
      'not), oldest first, without secrets (`secret` is `""`).',
  })
  @ApiOkResponse({ type: AccessTokenListModel, description: "The user's tokens" })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError)
  async list(@Param('userId', UserIdPipe) userId: string): Promise<AccessTokenListModel> {
    const accessTokens = await this.queryBus.execute(new ListUserAccessTokensQuery(userId));
    return { total: accessTokens.length, accessTokens };
  }
}
