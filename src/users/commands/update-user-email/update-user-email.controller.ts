import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { emailOrEmpty } from '@libs/http/params';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, Caller, CallerView, UserIdPipe, defineParams } from '../../../common';
import { UserTargetAlreadyExistsError, UserNotFoundError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UpdateUserEmailCommand } from './update-user-email.handler';

export const UpdateUserEmailRequest = defineParams<{ email: string }>('UpdateUserEmailRequest', {
  email: {
    validator: emailOrEmpty,
    required: true,
    example: 'ada@example.com',
    description: 'Valid email, or `""` to remove it',
  },
});

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserEmailController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/email')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updateEmail',
    summary: "Update a user's email (resets email verification)",
  })
  @ApiBody({ type: UpdateUserEmailRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The user with its new email' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserEmailRequest.errors,
    UserNotFoundError,
    when(UserTargetAlreadyExistsError, 'Another user has this email'),
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { email } = UpdateUserEmailRequest.parse(body);
    await this.commandBus.execute(new UpdateUserEmailCommand(userId, email === '' ? null : email));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
