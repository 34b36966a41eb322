import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { looseBoolean } from '@libs/http/params';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, Caller, CallerView, UserIdPipe, defineParams } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UpdateUserImpersonatorCommand } from './update-user-impersonator.handler';

export const UpdateUserImpersonatorRequest = defineParams<{ impersonator: boolean }>(
  'UpdateUserImpersonatorRequest',
  {
    impersonator: {
      validator: looseBoolean,
      required: true,
      example: true,
      description:
        'Whether the user can impersonate other users: its sessions (and JWTs minted from them) may then send ' +
        '`X-Appwrite-Impersonate-User-Id`, `-Email` or `-Phone` to act as that user on the account routes',
    },
  },
);

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserImpersonatorController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/impersonator')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updateImpersonator',
    summary: "Grant or revoke a user's impersonator capability",
    description:
      'Recorded as `user.impersonator.changed` (Appwrite event `users.{userId}.update.impersonator`). Revoking ' +
      'it ends impersonation at once: the next request with the headers acts as the impersonator itself.',
  })
  @ApiBody({ type: UpdateUserImpersonatorRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The user with its new `impersonator` flag' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserImpersonatorRequest.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { impersonator } = UpdateUserImpersonatorRequest.parse(body);
    await this.commandBus.execute(new UpdateUserImpersonatorCommand(userId, impersonator));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
