import { Body, Controller, Patch, Req, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
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
import { InvalidCredentialsError, TooManyAttemptsError } from '../../domain/session.errors';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { LoginRateLimiter } from '../login/login-rate-limiter';
import { RetryAfterInterceptor } from '../login/retry-after.interceptor';

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
    private readonly limiter: LoginRateLimiter,
  ) {}

  @Patch('password')
  @RequireSession()
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    operationId: 'account.updatePassword',
    summary: "Change the current user's password",
    description:
      'Checks `oldPassword` when the user has a password (a user created without one sets it without). Every ' +
      'other session of the user ends; the session of the request goes on, as in Appwrite. Each check of ' +
      '`oldPassword` counts against the login limits (429 with `Retry-After` when used up); a right one gives ' +
      'its point back.',
  })
  @ApiBody({ type: UpdateAccountPasswordRequest.dto })
  @ApiOkResponse({ type: AccountModel, description: 'The account (`passwordUpdate` is now)' })
  @ApiAppwriteErrors(
    ...UpdateAccountPasswordRequest.errors,
    when(InvalidCredentialsError, '`oldPassword` is missing or wrong'),
    when(new TooManyAttemptsError(60), 'Too many wrong old passwords for this user or from this IP'),
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async update(
    @CurrentSession() current: AccountSession,
    @Body() body: unknown,
    @Caller() caller: CallerView,
    @Req() request: FastifyRequest,
  ) {
    const params = UpdateAccountPasswordRequest.parse(body);
    if (current.user.password !== null) await this.checkOldPassword(current, params.oldPassword, request.ip);
    await this.commandBus.execute(
      new UpdateUserPasswordCommand(current.user.id, params.password, current.session?.id),
    );
    const user = await this.queryBus.execute(new GetUserQuery(current.user.id));
    return toAccountModel(user, caller.responseFormat, current.impersonator?.id);
  }

  /** Counted like a login (same counters, taken before verifying): a stolen session cannot guess on and on. */
  private async checkOldPassword(current: AccountSession, oldPassword: string, ip: string): Promise<void> {
    const attempt = await this.limiter.consume(current.user.email ?? `user:${current.user.id}`, ip);
    let verified: boolean;
    try {
      ({ verified } = await this.verifier.verify(oldPassword, current.user));
    } catch (error) {
      attempt.cancel();
      throw error;
    }
    if (!verified) throw new InvalidCredentialsError();
    attempt.succeeded();
  }
}
