import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, UserIdPipe, when } from '../../../common';
import { UserNotFoundError } from '../../../users';
import { AccessTokenIdPipe } from '../../access-token-id.pipe';
import { AccessTokenNotFoundError } from '../../domain/access-token.errors';
import { DeleteAccessTokenCommand } from './delete-access-token.handler';

@ApiTags('users')
@Controller('v1/users')
export class DeleteAccessTokenController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':userId/access-tokens/:tokenId')
  @HttpCode(204)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.deleteAccessToken',
    summary: 'Delete a personal access token (extension)',
    description: 'Extension (not in Appwrite). The token is refused from then on; its id is never reused.',
  })
  @ApiNoContentResponse({ description: 'Deleted (no body)' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...AccessTokenIdPipe.errors,
    UserNotFoundError,
    when(AccessTokenNotFoundError, "An unknown or deleted token, or another user's"),
    when(ConflictError, 'Concurrent writes to this token kept conflicting'),
  )
  async delete(
    @Param('userId', UserIdPipe) userId: string,
    @Param('tokenId', AccessTokenIdPipe) tokenId: string,
  ): Promise<void> {
    await this.commandBus.execute(new DeleteAccessTokenCommand(userId, tokenId));
  }
}
