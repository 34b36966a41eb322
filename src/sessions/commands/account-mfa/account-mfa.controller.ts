import { Body, Controller, Get, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { strictBoolean } from '@libs/http/params';
import { ApiAppwriteErrors, Caller, CallerView, defineParams, when } from '../../../common';
import {
  AccountModel,
  availableFactors,
  GetUserQuery,
  MfaFactorsModel,
  toAccountModel,
  toMfaFactorsModel,
  UpdateUserMfaCommand,
} from '../../../users';
import type { SessionFactor } from '../../domain/events';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { AddSessionFactorsCommand } from './mfa-challenge.handlers';

const UpdateAccountMfaRequest = defineParams<{ mfa: boolean }>('UpdateAccountMfaRequest', {
  mfa: { validator: strictBoolean, required: true, example: true, description: 'Enable or disable MFA' },
});

@ApiTags('account')
@Controller('v1/account/mfa')
export class AccountMfaController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Patch()
  @RequireSession()
  @ApiOperation({
    operationId: 'account.updateMFA',
    summary: 'Enable or disable MFA on the account',
    description:
      'Turning it on also credits the current session with the factors the user has (as Appwrite does), so ' +
      'the session that turns it on goes on working.',
  })
  @ApiBody({ type: UpdateAccountMfaRequest.dto })
  @ApiOkResponse({ type: AccountModel, description: 'The account with its new `mfa`' })
  @ApiAppwriteErrors(
    ...UpdateAccountMfaRequest.errors,
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @CurrentSession() current: AccountSession,
    @Body() body: unknown,
    @Caller() caller: CallerView,
  ) {
    const { mfa } = UpdateAccountMfaRequest.parse(body);
    await this.commandBus.execute(new UpdateUserMfaCommand(current.user.id, mfa));
    const user = await this.queryBus.execute(new GetUserQuery(current.user.id));
    if (mfa && current.session) {
      const available = availableFactors(user);
      const factors = (Object.keys(available) as Array<keyof typeof available>).filter((f) => available[f]);
      await this.commandBus.execute(
        new AddSessionFactorsCommand(current.session.id, factors as SessionFactor[]),
      );
    }
    return toAccountModel(user, caller.responseFormat);
  }

  @Get('factors')
  @RequireSession({ allowIncompleteMfa: true })
  @ApiOperation({ operationId: 'account.listMFAFactors', summary: 'The factors the account can use for MFA' })
  @ApiOkResponse({ type: MfaFactorsModel, description: "The account's factors" })
  async factors(@CurrentSession() current: AccountSession): Promise<MfaFactorsModel> {
    return toMfaFactorsModel(await this.queryBus.execute(new GetUserQuery(current.user.id)));
  }
}
