import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { AccessTokenListModel } from '../../dtos/access-token.response.dto';
import { toAccessTokenModel } from '../../infrastructure/access-token.mapper';
import { UserAccessTokens } from '../../infrastructure/user-access-tokens';

@ApiTags('users')
@Controller('v1/users')
export class ListAccessTokensController {
  constructor(private readonly own: UserAccessTokens) {}

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
    const rows = await this.own.list(userId);
    return { total: rows.length, accessTokens: rows.map((row) => toAccessTokenModel(row)) };
  }
}
