import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { text } from '@libs/http/params';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, Caller, CallerView, UserIdPipe, defineParams } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UpdateUserNameCommand } from './update-user-name.handler';

export const UpdateUserNameRequest = defineParams<{ name: string }>('UpdateUserNameRequest', {
  name: {
    validator: text(128, 0),
    required: true,
    example: 'Ada Lovelace',
    description: 'Up to 128 characters; `""` clears it',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserNameController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/name')
  @RequireScopes('users.write')
  @ApiOperation({ operationId: 'users.updateName', summary: "Update a user's name" })
  @ApiBody({ type: UpdateUserNameRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The user with its new name' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserNameRequest.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { name } = UpdateUserNameRequest.parse(body);
    await this.commandBus.execute(new UpdateUserNameCommand(userId, name));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
