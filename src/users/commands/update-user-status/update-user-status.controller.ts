import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, Caller, CallerView, UserIdPipe, defineParams } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UpdateUserStatusCommand } from './update-user-status.handler';
import { userStatus } from './update-user-status.params';

export const UpdateUserStatusRequest = defineParams<{ status: boolean }>('UpdateUserStatusRequest', {
  status: {
    validator: userStatus,
    required: true,
    example: false,
    description: '`false` blocks the user; Appwrite 0.x integers: `2` blocks, `1` unblocks, `0` blocks',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserStatusController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/status')
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.updateStatus', summary: 'Block (`false`) or unblock (`true`) a user' })
  @ApiBody({ type: UpdateUserStatusRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The user with its new status' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserStatusRequest.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { status } = UpdateUserStatusRequest.parse(body);
    await this.commandBus.execute(new UpdateUserStatusCommand(userId, status));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
