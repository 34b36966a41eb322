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
import { UpdateUserMfaCommand } from './update-user-mfa.handler';

export const UpdateMfaRequest = defineParams<{ mfa: boolean }>('UpdateMfaRequest', {
  mfa: { validator: strictBoolean, required: true, example: true, description: 'Enable or disable MFA' },
});

@ApiTags('users')
@Controller('v1/users')
export class UpdateUserMfaController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch(':userId/mfa')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updateMFA',
    summary: 'Enable or disable MFA on a user',
    description:
      'With MFA on and a second factor (a verified TOTP authenticator, email or phone), new sessions start ' +
      'with one factor and the account routes answer 401 `user_more_factors_required` until a challenge is ' +
      'completed. Sessions that exist keep the factors they have.',
  })
  @ApiBody({ type: UpdateMfaRequest.dto })
  @ApiOkResponse({ type: UserModel, description: 'The user with its new `mfa`' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...UpdateMfaRequest.errors,
    UserNotFoundError,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { mfa } = UpdateMfaRequest.parse(body);
    await this.commandBus.execute(new UpdateUserMfaCommand(userId, mfa));
    return toUserModel(await this.queryBus.execute(new GetUserQuery(userId)), caller);
  }
}
