import { subscription } from '../../relay';
import { UserDeletedEvent } from '../../users';

/** A deleted user's identities are unlinked, so their provider UIDs are free again. */
export const IDENTITY_CLEANUP = subscription({ queue: 'identity-cleanup', events: [UserDeletedEvent] });
