import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { ResetUserMfaCommand } from './reset-user-mfa.handler';

/** Extension from Clerk's Users API ("disable MFA"). */
@ApiTags('users')
@Controller('v1/users')
export class ResetUserMfaController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':userId/mfa')
  @HttpCode(204)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.deleteMFA',
    summary: 'Remove every MFA factor of a user and turn MFA off (extension)',
    description:
      'Not in Appwrite (Clerk has it). Removes the TOTP authenticator and the recovery codes and sets `mfa` ' +
      'to false, in one event (`user.mfa.reset`), for a user who lost their device.',
  })
  @ApiNoContentResponse({ description: 'Done (no body, no content type)' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async reset(@Param('userId', UserIdPipe) userId: string): Promise<void> {
    await this.commandBus.execute(new ResetUserMfaCommand(userId));
  }
}
