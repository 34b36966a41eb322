import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, UserIdPipe } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { LockoutModel } from '../../dtos/lockout.response.dto';
import { GetUserLockoutQuery } from './get-user-lockout.handler';

@ApiTags('users')
@Controller('v1/users')
export class GetUserLockoutController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':userId/lockout')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.getLockout',
    summary: "Get a user's lock-out (extension)",
    description:
      'Extension (not in Appwrite). After `LOCKOUT_ATTEMPTS` failed logins within `LOCKOUT_DURATION` seconds the ' +
      'user is locked for `LOCKOUT_DURATION` seconds: login answers 429 `user_locked` with `Retry-After`, even ' +
      'with the right password. Sessions are not affected.',
  })
  @ApiOkResponse({ type: LockoutModel, description: 'The lock-out state' })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError)
  async get(@Param('userId', UserIdPipe) userId: string): Promise<LockoutModel> {
    return this.queryBus.execute(new GetUserLockoutQuery(userId));
  }
}
