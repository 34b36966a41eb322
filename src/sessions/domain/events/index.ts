import { EventRegistry, RecordedEvent } from '@libs/event-store';
import { SessionCreatedEvent, upcastSessionCreatedV1 } from './session-created.event';
import { SessionRevokedEvent } from './session-revoked.event';
import { SessionSweepCompletedEvent, SessionSweepRequestedEvent } from './session-sweep.events';
import { TokenConsumedEvent } from './token-consumed.event';
import { TokenCreatedEvent } from './token-created.event';
import { SessionExtendedEvent } from './session-extended.event';
import { SessionChallengeCreatedEvent, SessionFactorsAddedEvent } from './session-mfa.events';

export * from './session-created.event';
export * from './session-revoked.event';
export * from './session-sweep.events';
export * from './session-extended.event';
export * from './session-mfa.events';
export * from './token-created.event';
export * from './token-consumed.event';

export type SessionEvent =
  | SessionCreatedEvent
  | SessionRevokedEvent
  | SessionExtendedEvent
  | SessionChallengeCreatedEvent
  | SessionFactorsAddedEvent;

export const SESSION_STREAM = 'session';

export const SESSION_EVENTS = new EventRegistry<SessionEvent>(({ data }) =>
  typeof data.userId === 'string' ? data.userId : undefined,
)
  .register(SessionCreatedEvent, { 1: upcastSessionCreatedV1 })
  .register(SessionRevokedEvent)
  .register(SessionExtendedEvent)
  .register(SessionChallengeCreatedEvent)
  .register(SessionFactorsAddedEvent);

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

export type TokenEvent = TokenCreatedEvent | TokenConsumedEvent;

export const TOKEN_STREAM = 'token';

export const TOKEN_EVENTS = new EventRegistry<TokenEvent>(({ data }) =>
  typeof data.userId === 'string' ? data.userId : undefined,
)
  .register(TokenCreatedEvent)
  .register(TokenConsumedEvent);

/** Narrows a decoded event of any stream to a token event. */
export function isTokenEvent(recorded: RecordedEvent): recorded is RecordedEvent<TokenEvent> {
  return recorded.streamType === TOKEN_STREAM;
}
