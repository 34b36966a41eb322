import {
  UserBannedEvent,
  UserDeletedEvent,
  UserEvent,
  UserPasswordChangedEvent,
  UserStatusChangedEvent,
} from './events';

/**
 * "May this user authenticate, and which of its sessions still count?" — the one rule, owned by users and
 * used by login, session validation (on the user its one statement joins), the users projection (the
 * session epoch) and the sessions module's revocation worker.
 */

/** The user events that can end the user's sessions (see `endsSessions` for which of them do). */
export const SESSION_ENDING_EVENTS = [
  UserStatusChangedEvent,
  UserPasswordChangedEvent,
  UserDeletedEvent,
  UserBannedEvent,
];

/** Whether the event ends every session the user had: a block or ban, a new password, the deletion. */
export function endsSessions(event: UserEvent): boolean {
  switch (event.type) {
    case UserStatusChangedEvent.type:
      return !event.data.status;
    case UserPasswordChangedEvent.type:
    case UserDeletedEvent.type:
    case UserBannedEvent.type:
      return true;
    default:
      return false;
  }
}

/** The session an event that ends the user's sessions lets go on (the one a user changed its password from). */
export function keptSessionOf(event: UserEvent): string | null {
  return event.type === UserPasswordChangedEvent.type ? (event.data.keepSessionId ?? null) : null;
}

/** What the policy needs to know of a user to judge one of its sessions. */
export interface UserSessionState {
  /** Position of the last event that ended the user's sessions. */
  sessionEpoch: number;
  /** The session that last event let go on, with the epoch it is valid in. */
  keptSession: { id: string; epoch: number } | null;
}

/**
 * Whether a session (of this incarnation of the user, neither revoked nor expired) still counts: made in the
 * user's current epoch, or the one session the last ending event kept, in the epoch it was valid in then.
 */
export function sessionCounts(user: UserSessionState, session: { id: string; userEpoch: number }): boolean {
  if (session.userEpoch === user.sessionEpoch) return true;
  return user.keptSession?.id === session.id && user.keptSession.epoch === session.userEpoch;
}

/** What the policy needs to know of a user. */
export interface UserAccessState {
  /** Appwrite's `status`: false is blocked. */
  status: boolean;
  /** When the ban that set `status: false` runs out; null or absent: it does not. */
  banExpiresAt?: Date | null;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'blocked' };

/**
 * Whether an existing user may authenticate at `now`. A ban past its expiry no longer counts, whether or not
 * the job that records its lifting has run: nothing waits on a worker. (The sessions the ban ended stay
 * ended: their epoch is behind the user's; only new logins get through.)
 */
export function mayAuthenticate(user: UserAccessState, now: Date = new Date()): AccessDecision {
  if (user.status) return { allowed: true };
  if (user.banExpiresAt && user.banExpiresAt.getTime() <= now.getTime()) return { allowed: true };
  return { allowed: false, reason: 'blocked' };
}

/** What the lock-out rule needs to know of a user. */
export interface UserLockState {
  lockedUntil: Date | null;
}

/**
 * Whether logins are refused at `now` for a lock-out (too many failed attempts, or an admin's lock), and
 * for how long still. A lock-out stops guessing; unlike a ban it leaves the user's sessions alone.
 */
export function lockedOut(
  user: UserLockState,
  now: Date = new Date(),
): { locked: boolean; until: Date | null } {
  const until = user.lockedUntil;
  return until && until.getTime() > now.getTime() ? { locked: true, until } : { locked: false, until: null };
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
export function credentialStands(
  user: UserAccessState & UserBinding & Partial<Pick<UserSessionState, 'keptSession'>>,
  binding: UserBinding & { sessionId?: string },
): boolean {
  if (user.incarnation !== binding.incarnation) return false;
  if (!mayAuthenticate(user).allowed) return true;
  // A session may be the one a password change kept (users' session policy); any other credential is not.
  if (binding.sessionId === undefined) return user.sessionEpoch === binding.sessionEpoch;
  return sessionCounts(
    { sessionEpoch: user.sessionEpoch, keptSession: user.keptSession ?? null },
    { id: binding.sessionId, userEpoch: binding.sessionEpoch },
  );
}

/** What the MFA rule needs to know of a user (Appwrite's attributes; the users row has them). */
export interface UserMfaState {
  mfa: boolean;
  emailVerification: boolean;
  phoneVerification: boolean;
  /** A verified TOTP authenticator. */
  mfaTotp: boolean;
}

/**
 * Appwrite's rule: with MFA on and a second factor available (a verified TOTP authenticator, or a verified
 * email or phone, which Appwrite counts whether or not it can send to them), a session needs two factors.
 */
export function requiredFactors(user: UserMfaState): 1 | 2 {
  const hasMoreFactors = user.emailVerification || user.phoneVerification || user.mfaTotp;
  return user.mfa && hasMoreFactors ? 2 : 1;
}

/** Whether a session with `factors` is "MFA satisfied" for this user as it is now. */
export function mfaSatisfied(user: UserMfaState, factors: readonly string[]): boolean {
  return new Set(factors).size >= requiredFactors(user);
}

/** The factors a user has besides the first (Appwrite's `MfaFactors`, without the recovery codes). */
export function availableFactors(user: UserMfaState & { email: string | null; phone: string | null }) {
  return {
    totp: user.mfaTotp,
    phone: user.phone !== null && user.phone !== '' && user.phoneVerification,
    email: user.email !== null && user.email !== '' && user.emailVerification,
  };
}
