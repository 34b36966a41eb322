import { UserDeletedEvent, UserEvent, UserPasswordChangedEvent, UserStatusChangedEvent } from './events';

/**
 * "May this user authenticate, and which of its sessions still count?" — the one rule, owned by users and
 * used by login, session validation (on the user its one statement joins), the users projection (the
 * session epoch) and the sessions module's revocation worker.
 */

/** The user events that can end the user's sessions (see `endsSessions` for which of them do). */
export const SESSION_ENDING_EVENTS = [UserStatusChangedEvent, UserPasswordChangedEvent, UserDeletedEvent];

/** Whether the event ends every session the user had: a block, a new password, the deletion. */
export function endsSessions(event: UserEvent): boolean {
  switch (event.type) {
    case UserStatusChangedEvent.type:
      return !event.data.status;
    case UserPasswordChangedEvent.type:
    case UserDeletedEvent.type:
      return true;
    default:
      return false;
  }
}

/** What the policy needs to know of a user. */
export interface UserAccessState {
  /** Appwrite's `status`: false is blocked. */
  status: boolean;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'blocked' };

/** Whether an existing user may authenticate now. */
export function mayAuthenticate(user: UserAccessState): AccessDecision {
  return user.status ? { allowed: true } : { allowed: false, reason: 'blocked' };
}
