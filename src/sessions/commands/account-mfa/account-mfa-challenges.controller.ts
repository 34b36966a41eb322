import { Body, Controller, Post, Put, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConflictError, formatDateTime } from '@libs/http';
import { text, whiteList } from '@libs/http/params';
import { ApiAppwriteErrors, defineParams, when } from '../../../common';
import type { ChallengeFactor } from '../../domain/events';
import {
  InvalidTokenError,
  PhoneDisabledError,
  SessionNotFoundError,
  SmtpDisabledError,
  UserLockedError,
} from '../../domain/session.errors';
import { MfaChallengeModel } from '../../dtos/mfa-challenge.response.dto';
import { SessionModel } from '../../dtos/session.response.dto';
import { AccountSession, CurrentSession } from '../../infrastructure/account-session';
import { RequireSession } from '../../infrastructure/require-session.decorator';
import { toSessionModel } from '../../infrastructure/session.mapper';
import { SessionsReader } from '../../infrastructure/sessions.reader';
import { RetryAfterInterceptor } from '../login/retry-after.interceptor';
import { CompleteMfaChallengeCommand, CreateMfaChallengeCommand } from './mfa-challenge.handlers';

const FACTORS: ChallengeFactor[] = ['email', 'phone', 'totp', 'recoveryCode'];

/** Appwrite's `WhiteList` is case-insensitive, and node-appwrite sends `recoverycode`: canonical names here. */
const canonicalFactor = (value: string): ChallengeFactor =>
  FACTORS.find((factor) => factor.toLowerCase() === value.toLowerCase())!;

const CreateChallengeRequest = defineParams<{ factor: string }>('CreateMfaChallengeRequest', {
  factor: {
    validator: whiteList(FACTORS),
    required: true,
    example: 'totp',
    description: '`totp` or `recoveryCode` (`email` and `phone` answer 503: this service sends no messages)',
  },
});

const CompleteChallengeRequest = defineParams<{ challengeId: string; otp: string }>(
  'UpdateMfaChallengeRequest',
  {
    challengeId: {
      validator: text(256),
      required: true,
      example: 'bb8ea5c16897e',
      description: 'The challenge',
    },
    otp: { validator: text(256), required: true, example: '123456', description: 'A TOTP or recovery code' },
  },
);

/**
 * The second step of a sign-in with MFA. Both routes work for a session that has not passed MFA yet (that is
 * what they are for); a challenge belongs to the session that made it.
 */
@ApiTags('account')
@Controller('v1/account/mfa/challenges')
export class AccountMfaChallengesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: SessionsReader,
  ) {}

  @Post()
  @RequireSession({ allowIncompleteMfa: true })
  @ApiOperation({ operationId: 'account.createMFAChallenge', summary: 'Start an MFA challenge' })
  @ApiBody({ type: CreateChallengeRequest.dto })
  @ApiCreatedResponse({ type: MfaChallengeModel, description: 'The challenge; complete it with `PUT`' })
  @ApiAppwriteErrors(
    ...CreateChallengeRequest.errors,
    when(SmtpDisabledError, 'An `email` challenge: this service sends no email'),
    when(PhoneDisabledError, 'A `phone` challenge: this service sends no SMS'),
    when(SessionNotFoundError, 'A credential of no session (a personal access token)'),
    when(ConflictError, 'Concurrent writes to this session kept conflicting'),
  )
  async create(@CurrentSession() current: AccountSession, @Body() body: unknown): Promise<MfaChallengeModel> {
    const factor = canonicalFactor(CreateChallengeRequest.parse(body).factor);
    if (!current.session) throw new SessionNotFoundError();
    const challenge = await this.commandBus.execute(
      new CreateMfaChallengeCommand(current.session.id, current.user.id, factor),
    );
    return {
      $id: challenge.id,
      $createdAt: formatDateTime(challenge.createdAt),
      userId: challenge.userId,
      expire: formatDateTime(challenge.expire),
    };
  }

  @Put()
  @RequireSession({ allowIncompleteMfa: true })
  @UseInterceptors(RetryAfterInterceptor)
  @ApiOperation({
    operationId: 'account.updateMFAChallenge',
    summary: 'Complete an MFA challenge with its code',
    description:
      'A right code adds the factor to the session (and sets its `mfaUpdatedAt`); a recovery code is used up. ' +
      "A wrong code counts towards the user's lock-out, as a wrong password does.",
  })
  @ApiBody({ type: CompleteChallengeRequest.dto })
  @ApiOkResponse({ type: SessionModel, description: 'The session with its new factor' })
  @ApiAppwriteErrors(
    ...CompleteChallengeRequest.errors,
    when(InvalidTokenError, 'A wrong code, or an unknown, expired or completed challenge'),
    when(new UserLockedError(900), 'Extension: the user is locked out; `Retry-After` in seconds'),
    when(SessionNotFoundError, 'A credential of no session (a personal access token)'),
    when(ConflictError, 'Concurrent writes to this session kept conflicting'),
  )
  async complete(@CurrentSession() current: AccountSession, @Body() body: unknown): Promise<SessionModel> {
    const { challengeId, otp } = CompleteChallengeRequest.parse(body);
    if (!current.session) throw new SessionNotFoundError();
    await this.commandBus.execute(
      new CompleteMfaChallengeCommand(current.session.id, current.user.id, challengeId, otp),
    );
    const row = await this.reader.findById(current.session.id);
    if (!row) throw new SessionNotFoundError();
    return toSessionModel(row, { current: true });
  }
}
