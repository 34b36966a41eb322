import { EventRegistry, RecordedEvent } from '@libs/event-store';
import { SessionCreatedEvent, upcastSessionCreatedV1 } from './session-created.event';
import { SessionRevokedEvent } from './session-revoked.event';
import { SessionSweepCompletedEvent, SessionSweepRequestedEvent } from './session-sweep.events';

export * from './session-created.event';
export * from './session-revoked.event';
export * from './session-sweep.events';

export type SessionEvent = SessionCreatedEvent | SessionRevokedEvent;

export const SESSION_STREAM = 'session';

export const SESSION_EVENTS = new EventRegistry<SessionEvent>(({ data }) =>
  typeof data.userId === 'string' ? data.userId : undefined,
)
  .register(SessionCreatedEvent, { 1: upcastSessionCreatedV1 })
  .register(SessionRevokedEvent);

/** Narrows a decoded event of any stream to a session event. */
export function isSessionEvent(recorded: RecordedEvent): recorded is RecordedEvent<SessionEvent> {
  return recorded.streamType === SESSION_STREAM;
}

export type SessionSweepEvent = SessionSweepRequestedEvent | SessionSweepCompletedEvent;

export const SESSION_SWEEP_STREAM = 'session-sweep';

/** Sweeps hold no personal data, so they have no subject to seal with. */
export const SESSION_SWEEP_EVENTS = new EventRegistry<SessionSweepEvent>()
  .register(SessionSweepRequestedEvent)
  .register(SessionSweepCompletedEvent);

/** Narrows a decoded event of any stream to a sweep event. */
export function isSessionSweepEvent(recorded: RecordedEvent): recorded is RecordedEvent<SessionSweepEvent> {
  return recorded.streamType === SESSION_SWEEP_STREAM;
}
