import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { DeleteUserCommand } from './delete-user.handler';

@ApiTags('users')
@Controller('v1/users')
export class DeleteUserController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':userId')
  @HttpCode(204)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.delete',
    summary: 'Delete a user',
    description: 'The id, email and phone become free again; the history stays in the event store.',
  })
  @ApiNoContentResponse({ description: 'Deleted (no body, no content type)' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async delete(@Param('userId', UserIdPipe) userId: string): Promise<void> {
    await this.commandBus.execute(new DeleteUserCommand(userId));
  }
}
