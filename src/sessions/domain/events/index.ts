import { EventRegistry } from '@libs/event-store';
import { SessionCreatedEvent, upcastSessionCreatedV1 } from './session-created.event';
import { SessionRevokedEvent } from './session-revoked.event';

export * from './session-created.event';
export * from './session-revoked.event';

export type SessionEvent = SessionCreatedEvent | SessionRevokedEvent;

export const SESSION_STREAM = 'session';

export const SESSION_EVENTS = new EventRegistry<SessionEvent>()
  .register(SessionCreatedEvent, { 1: upcastSessionCreatedV1 })
  .register(SessionRevokedEvent);
