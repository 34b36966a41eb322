import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { email, hashedPassword } from '@libs/http/params';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireProject } from '../../../auth';
import type { Principal } from '../../../common';
import { ApiAppwriteErrors, when, defineParams } from '../../../common';
import { APP_CONFIG, AppConfig } from '../../../config';
import { SessionModel } from '../../dtos/session.response.dto';
import {
  InvalidCredentialsError,
  TooManyAttemptsError,
  UserBlockedError,
  UserLockedError,
} from '../../domain/session.errors';
import { answerNewSession } from '../../infrastructure/new-session-answer';
import { SessionsReader } from '../../infrastructure/sessions.reader';
import { LoginCommand } from './login.handler';
import { RetryAfterInterceptor } from './retry-after.interceptor';

const LoginRequest = defineParams<{ email: string; password: string }>('CreateEmailPasswordSessionRequest', {
  email: { validator: email, required: true, example: 'ada@example.com' },
  password: { validator: hashedPassword, required: true, description: '8-256 bytes' },
});

@ApiTags('account')
@Controller('v1/account/sessions')
export class LoginController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: SessionsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('email')
  @HttpCode(201)
  @RequireProject()
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    operationId: 'account.createEmailPasswordSession',
    summary: 'Log in with email and password',
    description:
      'No API key needed. The secret is in the `a_session_<project>` cookie, and in `secret` when the request ' +
      'carries a valid API key (as Appwrite does). Attempts are counted before the password is checked and ' +
      'limited per email and IP, per email and per IP; a successful login gives its point back.',
  })
  @ApiHeader({
    name: 'X-Appwrite-Key',
    required: false,
    description: 'Optional: shows the secret in the answer',
  })
  @ApiBody({ type: LoginRequest.dto })
  @ApiCreatedResponse({
    type: SessionModel,
    description: 'The new session; its secret is in the cookie, and in `secret` for a caller with an API key',
  })
  @ApiAppwriteErrors(
    ...LoginRequest.errors,
    when(InvalidCredentialsError, 'Unknown email, no password, or a wrong password'),
    when(UserBlockedError, 'The right password of a blocked user'),
    when(
      new TooManyAttemptsError(60),
      'Too many failed attempts for this email or from this IP; `Retry-After` in seconds',
    ),
    when(
      new UserLockedError(900),
      'Extension: the user is locked out (failed attempts or an admin), whatever the password; `Retry-After` in seconds',
    ),
  )
  async login(
    @Body() body: unknown,
    @Req() request: FastifyRequest & { principal?: Principal },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const params = LoginRequest.parse(body);
    const created = await this.commandBus.execute(
      new LoginCommand(params.email, params.password, request.ip, request.headers['user-agent'] ?? ''),
    );
    const row = await this.reader.findById(created.sessionId);
    return answerNewSession(this.config.PROJECT_ID, row!, created.secret, request, reply);
  }
}
