import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, UserIdPipe, when } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { AccessTokenIdPipe } from '../../access-token-id.pipe';
import { AccessTokenNotFoundError } from '../../domain/access-token.errors';
import { AccessTokenModel } from '../../dtos/access-token.response.dto';
import { toAccessTokenModel } from '../../infrastructure/access-token.mapper';
import { UserAccessTokens } from '../../infrastructure/user-access-tokens';

@ApiTags('users')
@Controller('v1/users')
export class GetAccessTokenController {
  constructor(private readonly own: UserAccessTokens) {}

  @Get(':userId/access-tokens/:tokenId')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.getAccessToken',
    summary: 'Get a personal access token (extension)',
    description: 'Extension (not in Appwrite). Without its secret (`secret` is `""`).',
  })
  @ApiOkResponse({ type: AccessTokenModel, description: 'The token' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...AccessTokenIdPipe.errors,
    UserNotFoundError,
    when(AccessTokenNotFoundError, "An unknown or deleted token, or another user's"),
  )
  async get(
    @Param('userId', UserIdPipe) userId: string,
    @Param('tokenId', AccessTokenIdPipe) tokenId: string,
  ): Promise<AccessTokenModel> {
    return toAccessTokenModel(await this.own.find(userId, tokenId));
  }
}
