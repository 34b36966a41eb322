import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { customId, text } from '@libs/http/params';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireProject } from '../../../auth';
import type { Principal } from '../../../common';
import { ApiAppwriteErrors, defineParams, when } from '../../../common';
import { APP_CONFIG, AppConfig } from '../../../config';
import { InvalidTokenError, TooManyAttemptsError, UserBlockedError } from '../../domain/session.errors';
import { SessionModel } from '../../dtos/session.response.dto';
import { answerNewSession } from '../../infrastructure/new-session-answer';
import { SessionsReader } from '../../infrastructure/sessions.reader';
import { RetryAfterInterceptor } from '../login/retry-after.interceptor';
import { CreateTokenSessionCommand } from './create-token-session.handler';

const CreateTokenSessionRequest = defineParams<{ userId: string; secret: string }>(
  'CreateTokenSessionRequest',
  {
    userId: {
      validator: customId,
      required: true,
      description: 'User ID of the token',
      example: '5e5ea5c168bb8',
    },
    secret: {
      validator: text(256),
      required: true,
      description: 'Secret of a token from `users.createToken`',
      example: '3f9a1c',
    },
  },
);

@ApiTags('account')
@Controller('v1/account/sessions')
export class CreateTokenSessionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: SessionsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('token')
  @HttpCode(201)
  @RequireProject()
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    operationId: 'account.createSession',
    summary: 'Exchange a token for a session',
    description:
      'No API key needed. Exchanges the secret of a token (`users.createToken`) for a session with provider ' +
      '`token` and factor `token`; the token is used up. The session secret is in the `a_session_<project>` ' +
      'cookie, and in `secret` when the request carries a valid API key. Wrong guesses count against the ' +
      'login limits (per user and IP, per user, per IP).',
  })
  @ApiHeader({
    name: 'X-Appwrite-Key',
    required: false,
    description: 'Optional: shows the session secret in the answer',
  })
  @ApiBody({ type: CreateTokenSessionRequest.dto })
  @ApiCreatedResponse({ type: SessionModel, description: 'The new session' })
  @ApiAppwriteErrors(
    ...CreateTokenSessionRequest.errors,
    when(InvalidTokenError, 'Unknown user, wrong secret, or a token used or expired'),
    when(UserBlockedError, 'The user is blocked'),
    when(new TooManyAttemptsError(60), 'Too many wrong secrets for this user or from this IP'),
  )
  async create(
    @Body() body: unknown,
    @Req() request: FastifyRequest & { principal?: Principal },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const params = CreateTokenSessionRequest.parse(body);
    const created = await this.commandBus.execute(
      new CreateTokenSessionCommand(
        params.userId,
        params.secret,
        request.ip,
        request.headers['user-agent'] ?? '',
      ),
    );
    const row = await this.reader.findById(created.sessionId);
    return answerNewSession(this.config.PROJECT_ID, row!, created.secret, request, reply);
  }
}
