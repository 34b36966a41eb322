import { Body, Controller, HttpCode, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { hashedPassword } from '@libs/http/params';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../../../auth';
import { ApiAppwriteErrors, when, UserIdPipe, defineParams } from '../../../common';
import {
  AuthenticationFailures,
  lockedOut,
  UserNotFoundError,
  PasswordVerifier,
  GetUserQuery,
} from '../../../users';
import { TooManyAttemptsError, UserLockedError } from '../../domain/session.errors';
import { LoginRateLimiter } from '../login/login-rate-limiter';
import { RetryAfterInterceptor } from '../login/retry-after.interceptor';

class VerifyPasswordModel {
  @ApiProperty({ example: true }) verified!: boolean;
}

const VerifyPasswordRequest = defineParams<{ password: string }>('VerifyPasswordRequest', {
  password: {
    validator: hashedPassword,
    required: true,
    description: 'The plain password to check (8-256 bytes)',
  },
});

/** Extension: lets a trusted service check a password without creating a session. */
@ApiTags('users')
@Controller('v1/users')
export class VerifyPasswordController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly passwords: PasswordVerifier,
    private readonly limiter: LoginRateLimiter,
    private readonly failures: AuthenticationFailures,
  ) {}

  @Post(':userId/verify-password')
  @HttpCode(200)
  @RequireScopes('users.read')
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    operationId: 'users.verifyPassword',
    summary: "Check a user's password (extension)",
    description:
      'Not in Appwrite. Answers `{"verified": true|false}` and never changes the stored hash. Each check counts ' +
      'against the same limits as login (per email and IP, per email, per IP; 429 with `Retry-After` when used ' +
      "up); a right password gives its point back. A wrong password also counts towards the user's lock-out, " +
      'and a locked-out user gets 429 `user_locked`, as at login.',
  })
  @ApiBody({ type: VerifyPasswordRequest.dto })
  @ApiOkResponse({ type: VerifyPasswordModel, description: 'Whether the password is the user’s' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...VerifyPasswordRequest.errors,
    UserNotFoundError,
    when(
      new TooManyAttemptsError(60),
      'Too many failed attempts for this user or from this IP; `Retry-After` in seconds',
    ),
    when(new UserLockedError(900), 'Extension: the user is locked out; `Retry-After` in seconds'),
  )
  async verify(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ) {
    const { password } = VerifyPasswordRequest.parse(body);
    const user = await this.queryBus.execute(new GetUserQuery(userId));
    // Counted like a login (same counters, taken before verifying); a user without an email by its id.
    const attempt = await this.limiter.consume(user.email ?? `user:${user.id}`, request.ip);
    let verified: boolean;
    try {
      // Users' lock-out applies here as at login: otherwise a service checking passwords this way would be a
      // way around it.
      const now = new Date();
      const lock = lockedOut(user, now);
      if (lock.locked) throw UserLockedError.until(lock.until!, now);
      ({ verified } = await this.passwords.verify(password, user));
    } catch (error) {
      attempt.cancel();
      throw error;
    }
    if (verified) {
      attempt.succeeded();
      this.failures.succeeded(user.id);
    } else {
      await this.failures.record(user.id, 'password');
    }
    return { verified };
  }
}
