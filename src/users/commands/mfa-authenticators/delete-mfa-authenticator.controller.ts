import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe } from '../../../common';
import { UserAuthenticatorNotFoundError, UserNotFoundError } from '../../domain/user.errors';
import { AuthenticatorTypePipe } from './authenticator-type.pipe';
import { DeleteTotpAuthenticatorCommand } from './mfa-authenticators.handler';

@ApiTags('users')
@Controller('v1/users')
export class DeleteMfaAuthenticatorController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':userId/mfa/authenticators/:type')
  @HttpCode(204)
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.deleteMFAAuthenticator', summary: "Delete a user's authenticator" })
  @ApiNoContentResponse({ description: 'Deleted (no body, no content type)' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...AuthenticatorTypePipe.errors,
    UserNotFoundError,
    UserAuthenticatorNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async delete(
    @Param('userId', UserIdPipe) userId: string,
    @Param('type', AuthenticatorTypePipe) _type: 'totp',
  ): Promise<void> {
    await this.commandBus.execute(new DeleteTotpAuthenticatorCommand(userId));
  }
}
