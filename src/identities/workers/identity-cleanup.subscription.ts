import type { EventSubscription } from '../../relay/relay.contract';

/** A deleted user's identities are unlinked, so their provider UIDs are free again. */
export const IDENTITY_CLEANUP: EventSubscription = {
  queue: 'identity-cleanup',
  accepts: (event) => event.streamType === 'user' && event.type === 'user.deleted',
};
