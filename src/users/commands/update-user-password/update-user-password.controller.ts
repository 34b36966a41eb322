import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { passwordOrEmpty } from '@libs/http/params';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, Caller, CallerView, UserIdPipe, defineParams } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UpdateUserPasswordCommand } from './update-user-password.handler';

export const UpdateUserPasswordRequest = defineParams<{ password: string }>('UpdateUserPasswordRequest', {
  password: {
    validator: passwordOrEmpty(8),
    required: true,
    description: 'Plain text, 8-256 bytes, hashed with argon2id; `""` removes the password',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserPasswordController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/password')
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.updatePassword', summary: "Set a user's password" })
  @ApiBody({ type: UpdateUserPasswordRequest.dto })
  @ApiOkResponse({
    type: UserModel,
    description: 'The user with its new password hash (hashes shown only with `users.hashes.read`)',
  })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserPasswordRequest.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { password } = UpdateUserPasswordRequest.parse(body);
    await this.commandBus.execute(new UpdateUserPasswordCommand(userId, password));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
