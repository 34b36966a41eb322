import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { generateUniqueId } from '@libs/http/params';
import { MfaCodes } from '../../../users';
import type { ChallengeFactor, SessionFactor } from '../../domain/events';
import {
  InvalidTokenError,
  PhoneDisabledError,
  SmtpDisabledError,
  UserLockedError,
} from '../../domain/session.errors';
import { SessionRepository } from '../../infrastructure/session.repository';

/** Appwrite's TOKEN_EXPIRATION_CONFIRM: a challenge can be completed for an hour. */
const CHALLENGE_LIFETIME_MS = 3600 * 1000;

/** Appwrite's `MfaChallenge`. */
export interface MfaChallengeView {
  id: string;
  createdAt: Date;
  userId: string;
  expire: Date;
}

export class CreateMfaChallengeCommand extends Command<MfaChallengeView> {
  constructor(
    readonly sessionId: string,
    readonly userId: string,
    readonly factor: ChallengeFactor,
  ) {
    super();
  }
}

/** Verifies the challenge's code; answers nothing (the caller reads the session it upgraded). */
export class CompleteMfaChallengeCommand extends Command<void> {
  constructor(
    readonly sessionId: string,
    readonly userId: string,
    readonly challengeId: string,
    readonly otp: string,
  ) {
    super();
  }
}

/** Factors a session proved outside a challenge (an authenticator verified, MFA turned on from it). */
export class AddSessionFactorsCommand extends Command<void> {
  constructor(
    readonly sessionId: string,
    readonly factors: SessionFactor[],
  ) {
    super();
  }
}

@CommandHandler(CreateMfaChallengeCommand)
export class CreateMfaChallengeHandler implements ICommandHandler<
  CreateMfaChallengeCommand,
  MfaChallengeView
> {
  constructor(private readonly sessions: SessionRepository) {}

  async execute({ sessionId, userId, factor }: CreateMfaChallengeCommand): Promise<MfaChallengeView> {
    // This service sends no mail and no SMS: Appwrite's answers when neither is configured.
    if (factor === 'email') throw new SmtpDisabledError();
    if (factor === 'phone') throw new PhoneDisabledError();
    const id = generateUniqueId();
    const createdAt = new Date();
    const expire = new Date(createdAt.getTime() + CHALLENGE_LIFETIME_MS);
    await this.sessions.update(sessionId, (session) => session.createChallenge(id, factor, expire));
    return { id, createdAt, userId, expire };
  }
}

/**
 * An unknown, expired or used challenge, or a wrong code, is 401 `user_invalid_token` (a wrong code also
 * counts towards the user's lock-out; a locked user is 429 `user_locked` before any code is looked at).
 */
@CommandHandler(CompleteMfaChallengeCommand)
export class CompleteMfaChallengeHandler implements ICommandHandler<CompleteMfaChallengeCommand> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly codes: MfaCodes,
  ) {}

  async execute({ sessionId, userId, challengeId, otp }: CompleteMfaChallengeCommand): Promise<void> {
    const now = new Date();
    const factor = (await this.sessions.load(sessionId)).openChallenge(challengeId, now);
    // No email or phone challenge is ever made (no code was sent): such a factor cannot verify.
    if (factor !== 'totp' && factor !== 'recoveryCode') throw new InvalidTokenError();
    const check = await this.codes.check(userId, factor, otp, now);
    if (check.outcome === 'locked') throw UserLockedError.until(check.until, now);
    if (check.outcome === 'invalid') throw new InvalidTokenError();
    await this.sessions.update(sessionId, (session) => session.completeChallenge(challengeId, now));
  }
}

@CommandHandler(AddSessionFactorsCommand)
export class AddSessionFactorsHandler implements ICommandHandler<AddSessionFactorsCommand> {
  constructor(private readonly sessions: SessionRepository) {}

  async execute({ sessionId, factors }: AddSessionFactorsCommand): Promise<void> {
    await this.sessions.update(sessionId, (session) => session.addFactors(factors));
  }
}
