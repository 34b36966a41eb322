import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArgumentInvalidError, ConflictError } from '@libs/http';
import { isoDateTime } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, defineParams, UserIdPipe, when } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { LockoutModel } from '../../dtos/lockout.response.dto';
import { GetUserLockoutQuery } from '../../queries/get-user-lockout/get-user-lockout.handler';
import { LockUserCommand } from './lock-user.handler';

export const LockUserRequest = defineParams<{ until?: Date }>('LockUserRequest', {
  until: {
    validator: isoDateTime,
    example: '2030-01-01T00:00:00.000+00:00',
    description: 'When the lock ends (ISO 8601, in the future); absent: `LOCKOUT_DURATION` seconds from now',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class LockUserController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':userId/lock')
  @HttpCode(200)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.lock',
    summary: 'Lock a user out by hand (extension)',
    description:
      'Extension (not in Appwrite). Logins answer 429 `user_locked` until `until`; sessions stay. Locking again ' +
      'moves the end. Recorded as `user.locked` with the caller as actor.',
  })
  @ApiBody({ type: LockUserRequest.dto })
  @ApiOkResponse({ type: LockoutModel, description: 'The lock-out state' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...LockUserRequest.errors,
    when(
      ArgumentInvalidError.invalid('until', 'Value must be a date in the future.'),
      '`until` is not in the future',
    ),
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async lock(@Param('userId', UserIdPipe) userId: string, @Body() body: unknown): Promise<LockoutModel> {
    const { until } = LockUserRequest.parse(body ?? {});
    await this.commandBus.execute(new LockUserCommand(userId, until ?? null));
    return this.queryBus.execute(new GetUserLockoutQuery(userId));
  }
}
