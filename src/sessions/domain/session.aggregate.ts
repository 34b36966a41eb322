import { EventSourcedAggregate } from '@libs/event-store';
import {
  SessionCreatedData,
  SessionCreatedEvent,
  SessionEvent,
  SessionExtendedEvent,
  SessionRevocationReason,
  SessionRevokedEvent,
  ChallengeFactor,
  SessionChallengeCreatedEvent,
  SessionFactor,
  SessionFactorsAddedEvent,
} from './events';
import { InvalidTokenError, SessionNotFoundError } from './session.errors';

/**
 * A session's write model: created once, revoked at most once. Revoking a session that is already revoked
 * is refused, so a replayed revocation (worker retry) appends nothing.
 */
export class SessionAggregate extends EventSourcedAggregate<SessionEvent> {
  userId: string | null = null;
  revoked = false;
  expire: Date | null = null;
  factors = new Set<string>();
  /** Open MFA challenges made from this session, by id. */
  challenges = new Map<string, { factor: ChallengeFactor; expire: Date }>();

  get isLive(): boolean {
    return this.userId !== null && !this.revoked;
  }

  create(data: SessionCreatedData): void {
    if (this.userId !== null) throw new Error(`Session ${this.id} already exists`);
    this.apply(new SessionCreatedEvent(data));
  }

  revoke(reason: SessionRevocationReason): void {
    if (!this.isLive || this.userId === null) throw new SessionNotFoundError();
    this.apply(new SessionRevokedEvent({ userId: this.userId, reason }));
  }

  /** A live session that has not expired by `now` lasts until `expire`; an ended one is not found. */
  extend(expire: Date, now: Date): void {
    if (!this.isLive || this.userId === null || !this.expire || this.expire <= now)
      throw new SessionNotFoundError();
    this.apply(new SessionExtendedEvent({ userId: this.userId, expire: expire.toISOString() }));
  }

  /** Appwrite's `account.createMfaChallenge`, from this (live) session. */
  createChallenge(challengeId: string, factor: ChallengeFactor, expire: Date): void {
    if (!this.isLive || this.userId === null) throw new SessionNotFoundError();
    this.apply(
      new SessionChallengeCreatedEvent({
        userId: this.userId,
        challengeId,
        factor,
        expire: expire.toISOString(),
      }),
    );
  }

  /**
   * The factor an open challenge of this session asks for; an unknown, completed or expired challenge (or an
   * ended session) is Appwrite's 401 `user_invalid_token`.
   */
  openChallenge(challengeId: string, now: Date): ChallengeFactor {
    const challenge = this.challenges.get(challengeId);
    if (!this.isLive || !challenge || challenge.expire <= now) throw new InvalidTokenError();
    return challenge.factor;
  }

  /** The challenge's code verified: the session gains its factor, and the challenge is used up. */
  completeChallenge(challengeId: string, now: Date): void {
    const factor = this.openChallenge(challengeId, now);
    this.apply(new SessionFactorsAddedEvent({ userId: this.userId!, factors: [factor], challengeId }));
  }

  /** Factors proved otherwise (an authenticator verified, MFA turned on from here); none new: no event. */
  addFactors(factors: SessionFactor[]): void {
    if (!this.isLive || this.userId === null) throw new SessionNotFoundError();
    const added = [...new Set(factors)].filter((factor) => !this.factors.has(factor));
    if (added.length === 0) return;
    this.apply(new SessionFactorsAddedEvent({ userId: this.userId, factors: added, challengeId: null }));
  }

  onSessionChallengeCreatedEvent(event: SessionChallengeCreatedEvent): void {
    this.challenges.set(event.data.challengeId, {
      factor: event.data.factor,
      expire: new Date(event.data.expire),
    });
  }

  onSessionFactorsAddedEvent(event: SessionFactorsAddedEvent): void {
    for (const factor of event.data.factors) this.factors.add(factor);
    if (event.data.challengeId) this.challenges.delete(event.data.challengeId);
  }

  onSessionCreatedEvent(event: SessionCreatedEvent): void {
    this.factors = new Set(event.data.factors);
    this.userId = event.data.userId;
    this.expire = new Date(event.data.expire);
  }

  onSessionExtendedEvent(event: SessionExtendedEvent): void {
    this.expire = new Date(event.data.expire);
  }

  onSessionRevokedEvent(): void {
    this.revoked = true;
  }
}
