import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { strictBoolean } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams, UserIdPipe, when } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { AccessTokenIdPipe } from '../../access-token-id.pipe';
import { AccessTokenNotFoundError } from '../../domain/access-token.errors';
import { AccessTokenModel } from '../../dtos/access-token.response.dto';
import { toAccessTokenModel } from '../../infrastructure/access-token.mapper';
import { UserAccessTokens } from '../../infrastructure/user-access-tokens';
import { UpdateAccessTokenCommand } from './update-access-token.handler';

export const UpdateAccessTokenRequest = defineParams<{ isActive: boolean }>('UpdateAccessTokenRequest', {
  isActive: {
    validator: strictBoolean,
    required: true,
    example: false,
    description: '`false` disables the token (refused at once), `true` enables it again',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class UpdateAccessTokenController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly own: UserAccessTokens,
  ) {}

  @Patch(':userId/access-tokens/:tokenId')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updateAccessToken',
    summary: 'Disable or enable a personal access token (extension)',
    description: 'Extension (not in Appwrite). Setting the state the token already has changes nothing.',
  })
  @ApiBody({ type: UpdateAccessTokenRequest.dto })
  @ApiOkResponse({ type: AccessTokenModel, description: 'The token (`secret` is `""`)' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...AccessTokenIdPipe.errors,
    ...UpdateAccessTokenRequest.errors,
    UserNotFoundError,
    when(AccessTokenNotFoundError, "An unknown or deleted token, or another user's"),
    when(ConflictError, 'Concurrent writes to this token kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Param('tokenId', AccessTokenIdPipe) tokenId: string,
    @Body() body: unknown,
  ): Promise<AccessTokenModel> {
    const { isActive } = UpdateAccessTokenRequest.parse(body ?? {});
    await this.commandBus.execute(new UpdateAccessTokenCommand(userId, tokenId, isActive));
    return toAccessTokenModel(await this.own.find(userId, tokenId));
  }
}
