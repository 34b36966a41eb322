import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { strictBoolean } from '@libs/http/params';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, Caller, CallerView, UserIdPipe, defineParams } from '../../../common';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserModel } from '../../dtos/user.response.dto';
import { toUserModel } from '../../infrastructure/user.mapper';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { UpdateUserEmailVerificationCommand } from './update-user-email-verification.handler';

export const UpdateUserEmailVerificationRequest = defineParams<{ emailVerification: boolean }>(
  'UpdateUserEmailVerificationRequest',
  {
    emailVerification: {
      validator: strictBoolean,
      required: true,
      example: true,
      description: 'JSON boolean',
    },
  },
);

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserEmailVerificationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/verification')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updateEmailVerification',
    summary: "Set a user's email verification flag",
  })
  @ApiBody({ type: UpdateUserEmailVerificationRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The user with its new email verification flag' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserEmailVerificationRequest.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { emailVerification } = UpdateUserEmailVerificationRequest.parse(body);
    await this.commandBus.execute(new UpdateUserEmailVerificationCommand(userId, emailVerification));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
