import { EventSourcedAggregate } from '@libs/event-store';
import {
  SessionCreatedData,
  SessionCreatedEvent,
  SessionEvent,
  SessionExtendedEvent,
  SessionRevocationReason,
  SessionRevokedEvent,
} from './events';
import { SessionNotFoundError } from './session.errors';

/**
 * A session's write model: created once, revoked at most once. Revoking a session that is already revoked
 * is refused, so a replayed revocation (worker retry) appends nothing.
 */
export class SessionAggregate extends EventSourcedAggregate<SessionEvent> {
  userId: string | null = null;
  revoked = false;
  expire: Date | null = null;

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

  onSessionCreatedEvent(event: SessionCreatedEvent): void {
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
