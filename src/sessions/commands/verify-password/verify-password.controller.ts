import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { hashedPassword } from '@libs/http/params';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../../../auth/require-scopes.decorator';
import { ApiAppwriteErrors, when } from '../../../common/http/api-errors.decorator';
import { UserIdPipe } from '../../../common/http/path-id.pipe';
import { defineParams } from '../../../common/http/request-params';
import { UserNotFoundError } from '../../../users/domain/user.errors';
import { PasswordVerifier } from '../../../users/infrastructure/password-verifier';
import { GetUserQuery } from '../../../users/queries/get-user/get-user.handler';
import { TooManyAttemptsError } from '../../domain/session.errors';
import { LoginRateLimiter } from '../login/login-rate-limiter';

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
  ) {}

  @Post(':userId/verify-password')
  @HttpCode(200)
  @RequireScopes('users.read')
  @ApiOperation({
    operationId: 'users.verifyPassword',
    summary: "Check a user's password (extension)",
    description:
      'Not in Appwrite. Answers `{"verified": true|false}` and never changes the stored hash. Failures count ' +
      'against the same per-email and per-IP limits as login (429 when used up).',
  })
  @ApiBody({ type: VerifyPasswordRequest.dto })
  @ApiOkResponse({ type: VerifyPasswordModel, description: 'Whether the password is the user’s' })
  @ApiAppwriteErrors(
    ...UserIdPipe.errors,
    ...VerifyPasswordRequest.errors,
    UserNotFoundError,
    when(new TooManyAttemptsError(60), 'Too many failed attempts for this user or from this IP'),
  )
  async verify(
    @Param('userId', UserIdPipe) userId: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ) {
    const { password } = VerifyPasswordRequest.parse(body);
    const user = await this.queryBus.execute(new GetUserQuery(userId));
    const key = user.email ?? `user:${user.id}`;
    await this.limiter.assertAllowed(key, request.ip);
    const { verified } = await this.passwords.verify(password, user);
    if (verified) await this.limiter.recordSuccess(key);
    else await this.limiter.recordFailure(key, request.ip);
    return { verified };
  }
}
