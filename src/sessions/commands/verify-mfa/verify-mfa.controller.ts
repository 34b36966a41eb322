import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ConflictError } from '@libs/http';
import { text } from '@libs/http/params';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe, defineParams } from '../../../common';
import { MfaCodes, UserNotFoundError } from '../../../users';
import { UserLockedError } from '../../domain/session.errors';
import { RetryAfterInterceptor } from '../login/retry-after.interceptor';

class VerifyMfaModel {
  @ApiProperty({ example: true }) verified!: boolean;
}

const VerifyMfaRequest = defineParams<{ code: string }>('VerifyMfaRequest', {
  code: {
    validator: text(256),
    required: true,
    example: '123456',
    description: 'A TOTP code (6 digits) or a recovery code (10 characters)',
  },
});

/** Extension from Clerk's Users API: a trusted service checks a second factor without any session. */
@ApiTags('users')
@Controller('v1/users')
export class VerifyMfaController {
  constructor(private readonly codes: MfaCodes) {}

  @Post(':userId/mfa/verify')
  @HttpCode(200)
  @RequireScopes('users.write')
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    operationId: 'users.verifyMFA',
    summary: "Check a user's TOTP or recovery code (extension)",
    description:
      'Not in Appwrite (Clerk has it). Answers `{"verified": true|false}`. Six digits are checked as a code ' +
      'of the verified TOTP authenticator, anything else as a recovery code, which a success uses up (hence ' +
      "`users.write`). A wrong code counts towards the user's lock-out; a locked-out user gets 429 " +
      '`user_locked`, as at login.',
  })
  @ApiBody({ type: VerifyMfaRequest.dto })
  @ApiOkResponse({ type: VerifyMfaModel, description: 'Whether the code is one of the user’s' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...VerifyMfaRequest.errors,
    UserNotFoundError,
    when(new UserLockedError(900), 'Extension: the user is locked out; `Retry-After` in seconds'),
    when(ConflictError, 'Concurrent writes to this user kept conflicting'),
  )
  async verify(@Param('userId', UserIdPipe) userId: string, @Body() body: unknown): Promise<VerifyMfaModel> {
    const { code } = VerifyMfaRequest.parse(body);
    const now = new Date();
    const factor = /^\d{6}$/.test(code) ? 'totp' : 'recoveryCode';
    const check = await this.codes.check(userId, factor, code, now);
    if (check.outcome === 'locked') throw UserLockedError.until(check.until, now);
    return { verified: check.outcome === 'verified' };
  }
}
