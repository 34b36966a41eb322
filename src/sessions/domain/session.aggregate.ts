import { EventSourcedAggregate } from '@libs/event-store';
import {
  SessionCreatedData,
  SessionCreatedEvent,
  SessionEvent,
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

  onSessionCreatedEvent(event: SessionCreatedEvent): void {
    this.userId = event.data.userId;
  }

  onSessionRevokedEvent(): void {
    this.revoked = true;
  }
}
