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
import { UpdateUserPhoneVerificationCommand } from './update-user-phone-verification.handler';

export const UpdateUserPhoneVerificationRequest = defineParams<{ phoneVerification: boolean }>(
  'UpdateUserPhoneVerificationRequest',
  {
    phoneVerification: {
      validator: strictBoolean,
      required: true,
      example: true,
      description: 'JSON boolean',
    },
  },
);

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserPhoneVerificationController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/verification/phone')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updatePhoneVerification',
    summary: "Set a user's phone verification flag",
  })
  @ApiBody({ type: UpdateUserPhoneVerificationRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The user with its new phone verification flag' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateUserPhoneVerificationRequest.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { phoneVerification } = UpdateUserPhoneVerificationRequest.parse(body);
    await this.commandBus.execute(new UpdateUserPhoneVerificationCommand(userId, phoneVerification));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
