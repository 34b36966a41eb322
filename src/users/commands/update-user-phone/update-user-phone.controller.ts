import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { phoneOrEmpty } from '@libs/http/params';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, Caller, CallerView, UserIdPipe, defineParams } from '../../../common';
import { UserNotFoundError, UserTargetAlreadyExistsError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UpdateUserPhoneCommand } from './update-user-phone.handler';

export const UpdateUserPhoneRequest = defineParams<{ number: string }>('UpdateUserPhoneRequest', {
  number: {
    validator: phoneOrEmpty,
    required: true,
    example: '+14155550100',
    description: 'E.164 number (`+` and up to 15 digits), or `""` to remove it',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserPhoneController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/phone')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updatePhone',
    summary: "Update a user's phone number (resets phone verification)",
  })
  @ApiBody({ type: UpdateUserPhoneRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The user with its new phone number' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserPhoneRequest.errors,
    UserNotFoundError,
    when(UserTargetAlreadyExistsError, 'Another user has this phone number'),
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { number } = UpdateUserPhoneRequest.parse(body);
    await this.commandBus.execute(new UpdateUserPhoneCommand(userId, number === '' ? null : number));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
