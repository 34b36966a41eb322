import type { EventSubscription, RoutedEvent } from '../../relay/relay.contract';
import type { SessionRevocationReason } from '../domain/events';

/** The user events that end sessions, and the reason each revocation records. */
export function revocationReason(event: RoutedEvent): SessionRevocationReason | undefined {
  if (event.streamType !== 'user') return undefined;
  if (event.type === 'user.status.changed') return event.data.status === false ? 'user.blocked' : undefined;
  if (event.type === 'user.deleted') return 'user.deleted';
  // `user.password.rehashed` (the argon2id upgrade at login) is another event and keeps the sessions.
  if (event.type === 'user.password.changed') return 'user.password.changed';
  return undefined;
}

export const SESSION_REVOCATION: EventSubscription = {
  queue: 'session-revocation',
  accepts: (event) => revocationReason(event) !== undefined,
};
