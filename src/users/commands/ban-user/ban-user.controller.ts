import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArgumentInvalidError, ConflictError } from '@libs/http';
import { isoDateTime, text } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, Caller, CallerView, defineParams, UserIdPipe, when } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { BanUserCommand } from './ban-user.handler';

export const BanUserRequest = defineParams<{ reason?: string; expiresAt?: Date }>('BanUserRequest', {
  reason: {
    validator: text(256, 0),
    example: 'Spam',
    description: 'Why, up to 256 characters (`""` or absent: none); shown as `banReason`',
  },
  expiresAt: {
    validator: isoDateTime,
    example: '2030-01-01T00:00:00.000+00:00',
    description:
      'When the ban lifts by itself (ISO 8601, in the future); without it the ban lasts until lifted',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class BanUserController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':userId/ban')
  @HttpCode(200)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.ban',
    summary: 'Ban a user, with an optional reason and expiry (extension)',
    description:
      'Extension (not in Appwrite). Sets `status` to `false` and ends every session of the user at once; login and ' +
      'session validation then answer `user_blocked`. With `expiresAt` the ban lifts by itself at that time ' +
      '(logins work again from then on, even before the `user.unbanned` event is recorded). Banning again ' +
      'replaces the ban. `PATCH /v1/users/{userId}/status` with `false` is a ban without reason or expiry.',
  })
  @ApiBody({ type: BanUserRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The banned user' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...BanUserRequest.errors,
    when(
      ArgumentInvalidError.invalid('expiresAt', 'Value must be a date in the future.'),
      '`expiresAt` is not in the future',
    ),
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async ban(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { reason, expiresAt } = BanUserRequest.parse(body ?? {});
    await this.commandBus.execute(new BanUserCommand(userId, reason || null, expiresAt ?? null));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
