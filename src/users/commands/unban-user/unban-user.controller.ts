import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, Caller, CallerView, UserIdPipe, when } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UnbanUserCommand } from './unban-user.handler';

@ApiTags('users')
@Controller('v1/users')
export class UnbanUserController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':userId/unban')
  @HttpCode(200)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.unban',
    summary: 'Lift a ban or block (extension)',
    description:
      'Extension (not in Appwrite). Sets `status` to `true` and clears `banReason` and `banExpiresAt`. The sessions ' +
      'the ban ended stay ended. A user who is not banned is returned as is.',
  })
  @ApiOkResponse({ type: UserModel, description: 'The user, no longer banned' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async unban(@Param('userId', UserIdPipe) userId: string, @Caller() caller: CallerView) {
    await this.commandBus.execute(new UnbanUserCommand(userId));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
