import { Controller, Get, HttpCode, Param, Patch, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe } from '../../../common';
import {
  UserNotFoundError,
  UserRecoveryCodesAlreadyExistsError,
  UserRecoveryCodesNotFoundError,
} from '../../domain/user.errors';
import { MfaRecoveryCodesModel } from '../../dtos/mfa.response.dto';
import { GetUserQuery } from '../../queries/get-user/get-user.handler';
import { GenerateMfaRecoveryCodesCommand } from './mfa-recovery-codes.handler';

const CONFLICT = when(ConflictError, 'Concurrent writes to this user kept conflicting');

/** Appwrite's users-side recovery-code routes; the codes are kept hashed, so only generating shows them. */
@ApiTags('users')
@Controller('v1/users')
export class MfaRecoveryCodesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get(':userId/mfa/recovery-codes')
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.getMFARecoveryCodes',
    summary: "Read a user's recovery codes",
    description:
      'Differs from Appwrite on purpose: the codes are stored hashed, so they are shown only by the call that ' +
      'generates them. When the user has codes this answers 409 `user_recovery_codes_already_exists` ("they ' +
      'can only be read once"); regenerate them (`PUT`) to see new ones.',
  })
  @ApiOkResponse({ type: MfaRecoveryCodesModel, description: 'Never: see the description' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    UserNotFoundError,
    when(UserRecoveryCodesNotFoundError, 'The user has no recovery codes'),
    when(UserRecoveryCodesAlreadyExistsError, 'The user has codes; they were shown when generated'),
  )
  async get(@Param('userId', UserIdPipe) userId: string): Promise<MfaRecoveryCodesModel> {
    const user = await this.queryBus.execute(new GetUserQuery(userId));
    if (user.mfaRecoveryCodes === 0) throw new UserRecoveryCodesNotFoundError();
    throw new UserRecoveryCodesAlreadyExistsError();
  }

  @Patch(':userId/mfa/recovery-codes')
  @HttpCode(200)
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.createMFARecoveryCodes',
    summary: 'Create recovery codes for a user',
    description: 'Six codes of ten characters, each usable once instead of a second factor. Shown only here.',
  })
  @ApiOkResponse({ type: MfaRecoveryCodesModel, description: 'The new codes (200, as Appwrite answers)' })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError, UserRecoveryCodesAlreadyExistsError, CONFLICT)
  async create(@Param('userId', UserIdPipe) userId: string): Promise<MfaRecoveryCodesModel> {
    return {
      recoveryCodes: await this.commandBus.execute(new GenerateMfaRecoveryCodesCommand(userId, false)),
    };
  }

  @Put(':userId/mfa/recovery-codes')
  @RequireScopes('users.write')
  @ApiOperation({
    operationId: 'users.updateMFARecoveryCodes',
    summary: "Regenerate a user's recovery codes",
    description: 'The old codes stop working.',
  })
  @ApiOkResponse({ type: MfaRecoveryCodesModel, description: 'The new codes' })
  @ApiAppwriteErrors(...UserIdPipe.errors, UserNotFoundError, UserRecoveryCodesNotFoundError, CONFLICT)
  async update(@Param('userId', UserIdPipe) userId: string): Promise<MfaRecoveryCodesModel> {
    return {
      recoveryCodes: await this.commandBus.execute(new GenerateMfaRecoveryCodesCommand(userId, true)),
    };
  }
}
