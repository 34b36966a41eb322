import { subscription } from '../../relay';
import { UserDeletedEvent } from '../../users';

/**
 * A deleted user's tokens are deleted too. Validation refuses them at once without this (the token is bound to
 * the user's incarnation); the clean-up makes the end visible in the history and removes the dead rows.
 */
export const ACCESS_TOKEN_CLEANUP = subscription({
  queue: 'access-token-cleanup',
  events: [UserDeletedEvent],
});
