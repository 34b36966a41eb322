import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { text } from '@libs/http/params';
import { ApiAppwriteErrors, Caller, CallerView, defineParams, when } from '../../../common';
import {
  AccountModel,
  AddTotpAuthenticatorCommand,
  AuthenticatorTypePipe,
  DeleteTotpAuthenticatorCommand,
  GetUserQuery,
  MfaTypeModel,
  toAccountModel,
  UserAuthenticatorAlreadyVerifiedError,
  UserAuthenticatorNotFoundError,
  UserInvalidTokenError,
  VerifyTotpAuthenticatorCommand,
} from '../../../users';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { AddSessionFactorsCommand } from './mfa-challenge.handlers';

const VerifyAuthenticatorRequest = defineParams<{ otp: string }>('VerifyAuthenticatorRequest', {
  otp: { validator: text(256), required: true, example: '123456', description: 'A code from the app' },
});

const CONFLICT = when(ConflictError, 'Concurrent writes to this user kept conflicting');

@ApiTags('account')
@Controller('v1/account/mfa/authenticators')
export class AccountMfaAuthenticatorsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':type')
  @HttpCode(200)
  @RequireSession({ allowIncompleteMfa: true })
  @ApiOperation({
    operationId: 'account.createMFAAuthenticator',
    summary: 'Add a TOTP authenticator (verify it next with `PUT`)',
    description: 'The only answer that shows the secret. An unverified authenticator is replaced.',
  })
  @ApiOkResponse({ type: MfaTypeModel, description: 'The secret and its `otpauth://` URI' })
  @ApiAppwriteErrors(...AuthenticatorTypePipe.errors, UserAuthenticatorAlreadyVerifiedError, CONFLICT)
  async create(
    @CurrentSession() current: AccountSession,
    @Param('type', AuthenticatorTypePipe) _type: 'totp',
  ): Promise<MfaTypeModel> {
    return this.commandBus.execute(new AddTotpAuthenticatorCommand(current.user.id));
  }

  @Put(':type')
  @RequireSession({ allowIncompleteMfa: true })
  @ApiOperation({
    operationId: 'account.updateMFAAuthenticator',
    summary: 'Verify the authenticator with a code from the app',
    description: 'The authenticator becomes a factor, and the current session gains `totp`.',
  })
  @ApiBody({ type: VerifyAuthenticatorRequest.dto })
  @ApiOkResponse({ type: AccountModel, description: 'The account' })
  @ApiAppwriteErrors(
    ...AuthenticatorTypePipe.errors,
    ...VerifyAuthenticatorRequest.errors,
    UserAuthenticatorNotFoundError,
    UserAuthenticatorAlreadyVerifiedError,
    when(UserInvalidTokenError, 'The code is not the current one'),
    CONFLICT,
  )
  async verify(
    @CurrentSession() current: AccountSession,
    @Param('type', AuthenticatorTypePipe) _type: 'totp',
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { otp } = VerifyAuthenticatorRequest.parse(body);
    await this.commandBus.execute(new VerifyTotpAuthenticatorCommand(current.user.id, otp));
    if (current.session)
      await this.commandBus.execute(new AddSessionFactorsCommand(current.session.id, ['totp']));
    return toAccountModel(
      await this.queryBus.execute(new GetUserQuery(current.user.id)),
      caller.responseFormat,
    );
  }

  /** Appwrite's `mfaProtected`: removing a factor needs a session that passed a challenge in the last 30 minutes. */
  @Delete(':type')
  @HttpCode(204)
  @RequireSession({ recentChallenge: true })
  @ApiOperation({ operationId: 'account.deleteMFAAuthenticator', summary: 'Remove the authenticator' })
  @ApiNoContentResponse({ description: 'Removed (no body, no content type)' })
  @ApiAppwriteErrors(...AuthenticatorTypePipe.errors, UserAuthenticatorNotFoundError, CONFLICT)
  async delete(
    @CurrentSession() current: AccountSession,
    @Param('type', AuthenticatorTypePipe) _type: 'totp',
  ): Promise<void> {
    await this.commandBus.execute(new DeleteTotpAuthenticatorCommand(current.user.id));
  }
}
