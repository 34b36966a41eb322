import { EventSourcedAggregate } from '@libs/event-store';
import { SessionSweepCompletedEvent, SessionSweepEvent, SessionSweepRequestedEvent } from './events';
import { SessionSweepNotFoundError } from './session.errors';

/**
 * One "revoke every session" request: requested once, completed at most once. Completing again appends
 * nothing, so a sweep job run twice (a retry, the reconciler) records one completion.
 */
export class SessionSweepAggregate extends EventSourcedAggregate<SessionSweepEvent> {
  requested = false;
  completed = false;

  request(): void {
    if (this.requested) throw new Error(`Session sweep ${this.id} already exists`);
    this.apply(new SessionSweepRequestedEvent());
  }

  complete(revoked: number): void {
    if (!this.requested) throw new SessionSweepNotFoundError();
    if (this.completed) return;
    this.apply(new SessionSweepCompletedEvent({ revoked }));
  }

  onSessionSweepRequestedEvent(): void {
    this.requested = true;
  }

  onSessionSweepCompletedEvent(): void {
    this.completed = true;
  }
}
