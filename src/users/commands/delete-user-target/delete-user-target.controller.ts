import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe } from '../../../common';
import { UserNotFoundError, UserTargetNotFoundError } from '../../domain/user.errors';
import { TargetIdPipe } from '../target-params';
import { DeleteUserTargetCommand } from './delete-user-target.handler';

@ApiTags('users')
@Controller('v1/users')
export class DeleteUserTargetController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':userId/targets/:targetId')
  @HttpCode(204)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.deleteTarget',
    summary: 'Delete a messaging target of a user',
    description: 'The email or sms target can be deleted too; the user keeps its email or phone.',
  })
  @ApiNoContentResponse({ description: 'Deleted (no body, no content type)' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...TargetIdPipe.errors,
    UserNotFoundError,
    UserTargetNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async delete(
    @Param('userId', UserIdPipe) userId: string,
    @Param('targetId', TargetIdPipe) targetId: string,
  ): Promise<void> {
    await this.commandBus.execute(new DeleteUserTargetCommand(userId, targetId));
  }
}
