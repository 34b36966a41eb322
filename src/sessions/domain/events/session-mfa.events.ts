/** A factor Appwrite's sessions record (`factors`). */
export type SessionFactor = 'password' | 'email' | 'phone' | 'totp' | 'recoveryCode' | 'token';

/** A second factor a challenge can prove (Appwrite's `AuthenticationFactor`). */
export type ChallengeFactor = 'email' | 'phone' | 'totp' | 'recoveryCode';

/**
 * Appwrite's `account.createMfaChallenge`, made from this session: only this session can complete it (a
 * stricter binding than Appwrite's per-user challenges, so a challenge cannot upgrade another device).
 */
export class SessionChallengeCreatedEvent {
  static readonly type = 'session.challenge.created';
  readonly type = SessionChallengeCreatedEvent.type;
  constructor(
    readonly data: { userId: string; challengeId: string; factor: ChallengeFactor; expire: string },
  ) {}
}

/**
 * The session gained factors: a challenge completed (`challengeId`, and the session's `mfaUpdatedAt`), or
 * the user verified an authenticator or turned MFA on from this session (Appwrite adds the factors it holds).
 */
export class SessionFactorsAddedEvent {
  static readonly type = 'session.factors.added';
  readonly type = SessionFactorsAddedEvent.type;
  constructor(readonly data: { userId: string; factors: SessionFactor[]; challengeId: string | null }) {}
}
