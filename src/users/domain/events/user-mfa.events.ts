/** Appwrite's `users.updateMfa` / `account.updateMFA`: MFA required (when a second factor exists) or not. */
export class UserMfaChangedEvent {
  static readonly type = 'user.mfa.changed';
  readonly type = UserMfaChangedEvent.type;
  constructor(readonly data: { mfa: boolean }) {}
}

/**
 * A TOTP authenticator was added, not verified yet (a new one replaces an unverified one, as in Appwrite).
 * The shared secret is what every code derives from: sealed with the user's data key, never in clear.
 */
export class UserMfaTotpAddedEvent {
  static readonly type = 'user.mfa.totp.added';
  static readonly sealed = ['secret'] as const;
  readonly type = UserMfaTotpAddedEvent.type;
  constructor(readonly data: { secret: string }) {}
}

/** The user proved it holds the authenticator: from now on it is a factor. */
export class UserMfaTotpVerifiedEvent {
  static readonly type = 'user.mfa.totp.verified';
  readonly type = UserMfaTotpVerifiedEvent.type;
  constructor(readonly data: Record<string, never> = {}) {}
}

export class UserMfaTotpRemovedEvent {
  static readonly type = 'user.mfa.totp.removed';
  readonly type = UserMfaTotpRemovedEvent.type;
  constructor(readonly data: Record<string, never> = {}) {}
}

/**
 * A new set of recovery codes (replacing any earlier set). Only their SHA-256 hashes are kept, and those
 * sealed too: the codes themselves go once to the caller that generated them.
 */
export class UserMfaRecoveryCodesGeneratedEvent {
  static readonly type = 'user.mfa.recovery-codes.generated';
  static readonly sealed = ['hashes'] as const;
  readonly type = UserMfaRecoveryCodesGeneratedEvent.type;
  constructor(readonly data: { hashes: string[] }) {}
}

/** One recovery code was used (its hash, sealed): it is gone for good. */
export class UserMfaRecoveryCodeUsedEvent {
  static readonly type = 'user.mfa.recovery-code.used';
  static readonly sealed = ['hash'] as const;
  readonly type = UserMfaRecoveryCodeUsedEvent.type;
  constructor(readonly data: { hash: string }) {}
}

/** Extension (Clerk's "disable MFA"): every factor and the recovery codes removed, MFA off. */
export class UserMfaResetEvent {
  static readonly type = 'user.mfa.reset';
  readonly type = UserMfaResetEvent.type;
  constructor(readonly data: Record<string, never> = {}) {}
}

export type UserMfaEvent =
  | UserMfaChangedEvent
  | UserMfaTotpAddedEvent
  | UserMfaTotpVerifiedEvent
  | UserMfaTotpRemovedEvent
  | UserMfaRecoveryCodesGeneratedEvent
  | UserMfaRecoveryCodeUsedEvent
  | UserMfaResetEvent;
