import { EventRegistry } from '@libs/event-store';
import { ACCESS_TOKEN_EVENTS, AccessTokenEvent } from '../access-tokens/domain/events';
import { IDENTITY_EVENTS, IdentityEvent } from '../identities/domain/events';
import {
  SESSION_EVENTS,
  SESSION_SWEEP_EVENTS,
  SessionEvent,
  SessionSweepEvent,
  TOKEN_EVENTS,
  TokenEvent,
} from '../sessions/domain/events';
import { LOGIN_EVENTS, LoginEvent, USER_EVENTS, UserEvent } from '../users/domain/events';

/** Every event of every stream. */
export type AnyEvent =
  UserEvent | SessionEvent | SessionSweepEvent | IdentityEvent | LoginEvent | TokenEvent | AccessTokenEvent;

/** Every module's registry in one, for the readers that see every stream (relay, history, tools). */
export const ALL_EVENTS = EventRegistry.merge<AnyEvent>(
  USER_EVENTS,
  SESSION_EVENTS,
  SESSION_SWEEP_EVENTS,
  IDENTITY_EVENTS,
  LOGIN_EVENTS,
  TOKEN_EVENTS,
  ACCESS_TOKEN_EVENTS,
);
