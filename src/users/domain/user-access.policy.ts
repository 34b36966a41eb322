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

/** What a credential (a session, a JWT) recorded of its user when it was issued. */
export interface UserBinding {
  /** The user's incarnation: a deleted and re-created id is another user. */
  incarnation: number;
  /** The user's session epoch: a block or a new password moves it on. */
  sessionEpoch: number;
}

/**
 * Whether a credential issued to `binding` still stands for `user` as it is now: the same incarnation, and no
 * block or new password since. A blocked user's credential still stands, so that the caller answers
 * `user_blocked` (as Appwrite does) through `mayAuthenticate`.
 */
export function credentialStands(user: UserAccessState & UserBinding, binding: UserBinding): boolean {
  if (user.incarnation !== binding.incarnation) return false;
  return !mayAuthenticate(user).allowed || user.sessionEpoch === binding.sessionEpoch;
}
