import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, UserIdPipe, when } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { LockoutModel } from '../../dtos/lockout.response.dto';
import { GetUserLockoutQuery } from '../../queries/get-user-lockout/get-user-lockout.handler';
import { UnlockUserCommand } from './unlock-user.handler';

@ApiTags('users')
@Controller('v1/users')
export class UnlockUserController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':userId/unlock')
  @HttpCode(200)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.unlock',
    summary: "Clear a user's lock-out (extension)",
    description:
      'Extension (not in Appwrite). Lifts the lock (`user.unlocked`, with the caller as actor) and forgets the ' +
      'failed attempts counted so far.',
  })
  @ApiOkResponse({ type: LockoutModel, description: 'The lock-out state: unlocked' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async unlock(@Param('userId', UserIdPipe) userId: string): Promise<LockoutModel> {
    await this.commandBus.execute(new UnlockUserCommand(userId));
    return this.queryBus.execute(new GetUserLockoutQuery(userId));
  }
}
