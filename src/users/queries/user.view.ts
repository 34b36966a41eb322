import type { TargetView } from './target.view';

/** A user as the users module shows it to the rest of the service: its read model, typed, never its row. */
export interface UserView {
  id: string;
  /** Global position of the `user.created` that started this incarnation of the id. */
  incarnation: number;
  /** Position of the last event that ended the user's sessions (users' session policy). */
  sessionEpoch: number;
  /** The session the last epoch change let go on (users' session policy), or null. */
  keptSession: { id: string; epoch: number } | null;
  name: string;
  email: string | null;
  phone: string | null;
  /** Appwrite's `status`: false is blocked. */
  status: boolean;
  /** The stored hash (PHC or the imported form); null without a password. */
  password: string | null;
  /** The hash algorithm, Appwrite's name for it. */
  hash: string;
  hashOptions: Record<string, unknown>;
  labels: string[];
  prefs: Record<string, unknown>;
  emailVerification: boolean;
  phoneVerification: boolean;
  mfa: boolean;
  /** A verified TOTP authenticator (a second factor). */
  mfaTotp: boolean;
  /** Recovery codes not used yet. */
  mfaRecoveryCodes: number;
  registration: Date;
  passwordUpdate: Date | null;
  accessedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Appwrite's email flags, derived from `email` by the projection (null without an email). */
  emailCanonical: string | null;
  emailIsCanonical: boolean | null;
  emailIsCorporate: boolean | null;
  emailIsDisposable: boolean | null;
  emailIsFree: boolean | null;
  /** Why the user is banned; null for a plain block or no ban. */
  banReason: string | null;
  /** When the ban runs out (users' access policy treats it as lifted from then on); null: never. */
  banExpiresAt: Date | null;
  /** Until when logins are refused for a lock-out (users' `lockedOut` decides; it may be past). */
  lockedUntil: Date | null;
  /** Appwrite's `impersonator`: its sessions may act as another user (the impersonation headers). */
  impersonator: boolean;
  /** The user's messaging targets, oldest first; absent when the statement did not select them. */
  targets?: TargetView[];
}
