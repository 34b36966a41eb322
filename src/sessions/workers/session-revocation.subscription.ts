import type { RecordedEvent } from '@libs/event-store';
import { subscription } from '../../relay';
import {
  endsSessions,
  SESSION_ENDING_EVENTS,
  UserDeletedEvent,
  UserEvent,
  UserPasswordChangedEvent,
} from '../../users';
import type { SessionRevocationReason } from '../domain/events';

/** The reason each revocation records, from the user event that ended the session. */
export function revocationReason(recorded: RecordedEvent<UserEvent>): SessionRevocationReason {
  switch (recorded.event.type) {
    case UserDeletedEvent.type:
    case UserPasswordChangedEvent.type:
      return recorded.event.type;
    default:
      return 'user.blocked';
  }
}

/** Sessions ended by a user change (users' policy) are revoked, so lists and history show it. */
export const SESSION_REVOCATION = subscription<UserEvent>({
  queue: 'session-revocation',
  events: SESSION_ENDING_EVENTS,
  when: (recorded) => endsSessions(recorded.event),
});
