import { EventRegistry } from '@libs/event-store';
import { IDENTITY_EVENTS, IdentityEvent } from '../identities/domain/events';
import {
  SESSION_EVENTS,
  SESSION_SWEEP_EVENTS,
  SessionEvent,
  SessionSweepEvent,
} from '../sessions/domain/events';
import { USER_EVENTS, UserEvent } from '../users/domain/events';

/** Every event of every stream. */
export type AnyEvent = UserEvent | SessionEvent | SessionSweepEvent | IdentityEvent;

/** Every module's registry in one, for the readers that see every stream (relay, history, tools). */
export const ALL_EVENTS = EventRegistry.merge<AnyEvent>(
  USER_EVENTS,
  SESSION_EVENTS,
  SESSION_SWEEP_EVENTS,
  IDENTITY_EVENTS,
);
