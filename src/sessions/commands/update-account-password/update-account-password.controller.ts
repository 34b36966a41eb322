import { Body, Controller, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { password, text } from '@libs/http/params';
import { ApiAppwriteErrors, Caller, CallerView, defineParams, when } from '../../../common';
import {
  AccountModel,
  GetUserQuery,
  PasswordVerifier,
  toAccountModel,
  UpdateUserPasswordCommand,
} from '../../../users';
import { InvalidCredentialsError } from '../../domain/session.errors';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';

const UpdateAccountPasswordRequest = defineParams<{ password: string; oldPassword: string }>(
  'UpdateAccountPasswordRequest',
  {
    password: { validator: password(8), required: true, description: 'The new password: 8-256 bytes' },
    oldPassword: {
      validator: text(256, 0),
      default: '',
      description: 'The current password; needed unless the user has none yet',
    },
  },
);

@ApiTags('account')
@Controller('v1/account')
export class UpdateAccountPasswordController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly verifier: PasswordVerifier,
  ) {}

  @Patch('password')
  @RequireSession()
  @ApiOperation({
    operationId: 'account.updatePassword',
    summary: "Change the current user's password",
    description:
      'Checks `oldPassword` when the user has a password (a user created without one sets it without). Every ' +
      'other session of the user ends; the session of the request goes on, as in Appwrite.',
  })
  @ApiBody({ type: UpdateAccountPasswordRequest.dto })
  @ApiOkResponse({ type: AccountModel, description: 'The account (`passwordUpdate` is now)' })
  @ApiAppwriteErrors(
    ...UpdateAccountPasswordRequest.errors,
    when(InvalidCredentialsError, '`oldPassword` is missing or wrong'),
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @CurrentSession() current: AccountSession,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const params = UpdateAccountPasswordRequest.parse(body);
    if (current.user.password !== null) {
      const { verified } = await this.verifier.verify(params.oldPassword, current.user);
      if (!verified) throw new InvalidCredentialsError();
    }
    await this.commandBus.execute(
      new UpdateUserPasswordCommand(current.user.id, params.password, current.session?.id),
    );
    const user = await this.queryBus.execute(new GetUserQuery(current.user.id));
    return toAccountModel(user, caller.responseFormat);
  }
}
