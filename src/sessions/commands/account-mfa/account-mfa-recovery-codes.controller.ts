import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { ApiAppwriteErrors, when } from '../../../common';
import {
  GenerateMfaRecoveryCodesCommand,
  MfaRecoveryCodesModel,
  UserRecoveryCodesAlreadyExistsError,
  UserRecoveryCodesNotFoundError,
} from '../../../users';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';

const CONFLICT = when(ConflictError, 'Concurrent writes to this user kept conflicting');

/**
 * The account's recovery codes: a session that has passed MFA only (they replace a factor); reading and
 * regenerating them also need a challenge completed in the last 30 minutes (Appwrite's `mfaProtected`).
 */
@ApiTags('account')
@Controller('v1/account/mfa/recovery-codes')
export class AccountMfaRecoveryCodesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Get()
  @RequireSession({ recentChallenge: true })
  @ApiOperation({
    operationId: 'account.getMFARecoveryCodes',
    summary: 'Read the recovery codes',
    description:
      'Differs from Appwrite on purpose: the codes are stored hashed and shown only when generated, so with ' +
      'codes this answers 409 `user_recovery_codes_already_exists`; regenerate them (`PATCH`) to see new ones.',
  })
  @ApiOkResponse({ type: MfaRecoveryCodesModel, description: 'Never: see the description' })
  @ApiAppwriteErrors(
    when(UserRecoveryCodesNotFoundError, 'No recovery codes'),
    when(UserRecoveryCodesAlreadyExistsError, 'Codes exist; they were shown when generated'),
  )
  get(@CurrentSession() current: AccountSession): never {
    if (current.user.mfaRecoveryCodes === 0) throw new UserRecoveryCodesNotFoundError();
    throw new UserRecoveryCodesAlreadyExistsError();
  }

  @Post()
  @HttpCode(201)
  @RequireSession()
  @ApiOperation({ operationId: 'account.createMFARecoveryCodes', summary: 'Create recovery codes' })
  @ApiCreatedResponse({ type: MfaRecoveryCodesModel, description: 'Six codes, shown only here' })
  @ApiAppwriteErrors(UserRecoveryCodesAlreadyExistsError, CONFLICT)
  async create(@CurrentSession() current: AccountSession): Promise<MfaRecoveryCodesModel> {
    return {
      recoveryCodes: await this.commandBus.execute(
        new GenerateMfaRecoveryCodesCommand(current.user.id, false),
      ),
    };
  }

  @Patch()
  @RequireSession({ recentChallenge: true })
  @ApiOperation({ operationId: 'account.updateMFARecoveryCodes', summary: 'Regenerate the recovery codes' })
  @ApiOkResponse({ type: MfaRecoveryCodesModel, description: 'Six new codes; the old ones stop working' })
  @ApiAppwriteErrors(UserRecoveryCodesNotFoundError, CONFLICT)
  async update(@CurrentSession() current: AccountSession): Promise<MfaRecoveryCodesModel> {
    return {
      recoveryCodes: await this.commandBus.execute(
        new GenerateMfaRecoveryCodesCommand(current.user.id, true),
      ),
    };
  }
}
