import { EventSourcedAggregate } from '@libs/event-store';
import type { UniqueConstraintChange } from '@libs/event-store';
import { ArgumentInvalidError } from '@libs/http';
import {
  UserBannedEvent,
  UserCreatedEvent,
  UserDeletedEvent,
  UserEmailChangedEvent,
  UserEmailVerificationChangedEvent,
  UserEvent,
  UserLabelsChangedEvent,
  UserNameChangedEvent,
  UserPasswordChangedEvent,
  UserPasswordRehashedEvent,
  UserPhoneChangedEvent,
  UserPhoneVerificationChangedEvent,
  UserPrefsUpdatedEvent,
  UserStatusChangedEvent,
  UserUnbannedEvent,
  UserLockedEvent,
  UserUnlockedEvent,
  TargetProviderType,
  UserTargetCreatedEvent,
  UserTargetDeletedEvent,
  UserTargetUpdatedEvent,
  UserErasedEvent,
  UserImpersonatorChangedEvent,
  UserMfaChangedEvent,
  UserMfaRecoveryCodeUsedEvent,
  UserMfaRecoveryCodesGeneratedEvent,
  UserMfaResetEvent,
  UserMfaTotpAddedEvent,
  UserMfaTotpRemovedEvent,
  UserMfaTotpVerifiedEvent,
} from './events';
import {
  UserAlreadyExistsError,
  UserNotFoundError,
  UserTargetAlreadyExistsError,
  UserTargetNotFoundError,
  UserAuthenticatorAlreadyVerifiedError,
  UserAuthenticatorNotFoundError,
  UserInvalidTokenError,
  UserRecoveryCodesAlreadyExistsError,
  UserRecoveryCodesNotFoundError,
} from './user.errors';
import { hashRecoveryCode, totpCodeMatches } from './totp';
import { addressTargetId, identifierKey, targetIdentifier } from './user-targets';
import { mergePrefsPatch } from './prefs-merge-patch';
import { assertUserIdNotReserved } from './reserved-user-ids';

/** A password as this service stores it: the hash, never the plain text. */
export interface PasswordHash {
  password: string | null;
  hash: string;
  hashOptions: Record<string, unknown>;
}

export interface CreateUserProps extends PasswordHash {
  userId: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** Imports only: the creation time in the source system (see `UserCreatedData.registeredAt`). */
  registeredAt?: Date;
}

/** Scopes of the unique constraints a user holds; values are normalised (lower-case email). */
export const EMAIL_SCOPE = 'user.email';
export const PHONE_SCOPE = 'user.phone';
/** Ids of the targets made through the targets routes (the email/phone targets' ids derive from the user id). */
export const TARGET_ID_SCOPE = 'user.target.id';
/** Push targets' identifiers (email and sms identifiers share the users' email and phone scopes). */
export const PUSH_TARGET_SCOPE = 'user.target.push';

/** A messaging target of the user; `custom` when made through the targets routes. */
export interface TargetState {
  providerType: TargetProviderType;
  identifier: string;
  name: string;
  custom: boolean;
}

const IDENTIFIER_SCOPES: Record<TargetProviderType, string> = {
  email: EMAIL_SCOPE,
  sms: PHONE_SCOPE,
  push: PUSH_TARGET_SCOPE,
};

/**
 * The user's write model. Decide methods check the rules and `apply` events; `on<Event>` methods only
 * evolve state, so replaying history never re-checks rules. A deleted user's stream can start again with
 * a new `user.created`: the id and email are free again, and the history is kept.
 */
export class UserAggregate extends EventSourcedAggregate<UserEvent> {
  exists = false;
  email: string | null = null;
  phone: string | null = null;
  status = true;
  /** The stored hash (not the password), so that a re-hash can tell it still replaces the current one. */
  passwordHash: string | null = null;
  /** Kept so that a merge patch applies to the state the append is checked against (no lost update). */
  prefs: Record<string, unknown> = {};
  /** The current ban (a block is a ban without reason or expiry); `version` is the stream version it began at. */
  currentBan: { version: number; reason: string | null; expiresAt: string | null } | null = null;
  /** Until when logins are refused (possibly past already: a lock-out ends by itself). */
  lockedUntil: string | null = null;
  /**
   * Messaging targets by id. As in Appwrite, the email and phone come with targets of their own, which follow
   * them: a new address re-points the target that had the old one, removing the address deletes it.
   */
  targets = new Map<string, TargetState>();
  /** The last incarnation was erased (and no `user.created` came since). */
  erased = false;
  /** Appwrite's `mfa`: a second factor is required when the user has one. */
  mfa = false;
  /** The TOTP authenticator; `secret` is null once erased (crypto-shredded). */
  totp: { secret: string | null; verified: boolean } | null = null;
  /** SHA-256 hashes of the recovery codes not used yet. */
  recoveryCodeHashes: string[] = [];
  private readonly constraints: UniqueConstraintChange[] = [];

  /** Constraint changes implied by the uncommitted events, for the append transaction. */
  override get pendingConstraints(): readonly UniqueConstraintChange[] {
    return this.constraints;
  }

  create(props: CreateUserProps): void {
    if (this.exists) throw new UserAlreadyExistsError();
    assertUserIdNotReserved(props.userId);
    const { userId, registeredAt, ...rest } = props;
    this.applyHolding(
      new UserCreatedEvent({
        userId,
        ...rest,
        ...(registeredAt ? { registeredAt: registeredAt.toISOString() } : {}),
      }),
    );
  }

  changeName(name: string): void {
    this.assertExists();
    this.apply(new UserNameChangedEvent({ name }));
  }

  /** Re-submitting the current email is a no-op (Appwrite answers 409 there; idempotent PATCH is kinder). */
  changeEmail(email: string | null): void {
    this.assertExists();
    if (email === this.email) return;
    this.applyHolding(new UserEmailChangedEvent({ email }));
  }

  changePhone(phone: string | null): void {
    this.assertExists();
    if (phone === this.phone) return;
    this.applyHolding(new UserPhoneChangedEvent({ phone }));
  }

  /** `keepSessionId`: the session the user changed it from, which goes on counting (see the event). */
  changePassword(password: PasswordHash, keepSessionId?: string): void {
    this.assertExists();
    this.apply(new UserPasswordChangedEvent({ ...password, ...(keepSessionId ? { keepSessionId } : {}) }));
  }

  /**
   * Upgrades the stored hash of the same password; only a hash (never `null`) can be re-hashed. `replaces` is
   * the stored hash the new one was made from: when the password has changed since, the upgrade is dropped,
   * because applying it would bring the old password back.
   */
  rehashPassword(password: PasswordHash & { password: string }, replaces: string): void {
    this.assertExists();
    if (this.passwordHash !== replaces) return;
    this.apply(new UserPasswordRehashedEvent({ ...password }));
  }

  changeStatus(status: boolean): void {
    this.assertExists();
    this.apply(new UserStatusChangedEvent({ status }));
  }

  changeEmailVerification(emailVerification: boolean): void {
    this.assertExists();
    this.apply(new UserEmailVerificationChangedEvent({ emailVerification }));
  }

  changePhoneVerification(phoneVerification: boolean): void {
    this.assertExists();
    this.apply(new UserPhoneVerificationChangedEvent({ phoneVerification }));
  }

  changeLabels(labels: string[]): void {
    this.assertExists();
    this.apply(new UserLabelsChangedEvent({ labels: [...new Set(labels)] }));
  }

  /** Appwrite's `users.updateImpersonator`: may the user act as another one (the impersonation headers)? */
  changeImpersonator(impersonator: boolean): void {
    this.assertExists();
    this.apply(new UserImpersonatorChangedEvent({ impersonator }));
  }

  updatePrefs(prefs: Record<string, unknown>): void {
    this.assertExists();
    this.apply(new UserPrefsUpdatedEvent({ prefs }));
  }

  /** Extension: RFC 7396 merge of `patch` into the current prefs; the event carries the resulting prefs. */
  mergePrefs(patch: unknown): void {
    this.assertExists();
    this.apply(new UserPrefsUpdatedEvent({ prefs: mergePrefsPatch(this.prefs, patch) }));
  }

  /**
   * Bans the user (ending every session). Banning again replaces the ban (its reason and expiry, and the job
   * that lifts it); the same ban again changes nothing. An expiry must lie after `now`.
   */
  ban(reason: string | null, expiresAt: Date | null, now: Date): void {
    this.assertExists();
    if (expiresAt && expiresAt.getTime() <= now.getTime())
      throw ArgumentInvalidError.invalid('expiresAt', 'Value must be a date in the future.');
    const expiry = expiresAt ? expiresAt.toISOString() : null;
    if (this.currentBan && this.currentBan.reason === reason && this.currentBan.expiresAt === expiry) return;
    this.apply(new UserBannedEvent({ reason, expiresAt: expiry }));
  }

  /** Lifts any ban or block; a user who is not banned stays as is (no event). */
  unban(): void {
    this.assertExists();
    if (!this.currentBan) return;
    this.apply(new UserUnbannedEvent({ expired: false }));
  }

  /**
   * The expiry job: lifts the ban that began at stream version `banVersion` once it has run out. Anything
   * else (the ban lifted, replaced or turned into a block since, or the user gone) makes it a no-op, so a
   * late, repeated or stale job changes nothing. Answers whether the ban is still waiting for its time.
   */
  liftExpiredBan(banVersion: number, now: Date): 'lifted' | 'stale' | 'not-yet' {
    if (
      !this.exists ||
      !this.currentBan ||
      this.currentBan.version !== banVersion ||
      !this.currentBan.expiresAt
    )
      return 'stale';
    if (Date.parse(this.currentBan.expiresAt) > now.getTime()) return 'not-yet';
    this.apply(new UserUnbannedEvent({ expired: true }));
    return 'lifted';
  }

  /** An admin's lock-out until `until` (after `now`); locking again moves the end. */
  lock(until: Date, now: Date): void {
    this.assertExists();
    if (until.getTime() <= now.getTime())
      throw ArgumentInvalidError.invalid('until', 'Value must be a date in the future.');
    this.apply(new UserLockedEvent({ until: until.toISOString(), cause: 'manual' }));
  }

  /** The failed-attempt count reached its limit: lock until `until`, unless a lock is already running. */
  lockAfterFailures(until: Date, now: Date): void {
    this.assertExists();
    if (this.lockedUntil && Date.parse(this.lockedUntil) > now.getTime()) return;
    this.apply(new UserLockedEvent({ until: until.toISOString(), cause: 'failed-attempts' }));
  }

  /** Lifts a lock-out; without one (or once it has run out and was cleared) nothing changes. */
  unlock(): void {
    this.assertExists();
    if (this.lockedUntil === null) return;
    this.apply(new UserUnlockedEvent({}));
  }

  delete(): void {
    this.assertExists();
    this.applyHolding(new UserDeletedEvent({}));
  }

  /**
   * A target of the user's own (Appwrite's `users.createTarget`). Its id and its identifier are unique among
   * all users' targets; an email or sms identifier is also unique against every user's email or phone.
   */
  createTarget(target: {
    targetId: string;
    providerType: TargetProviderType;
    identifier: string;
    name: string;
  }): void {
    this.assertExists();
    const identifier = targetIdentifier(target.providerType, target.identifier);
    if (this.targets.has(target.targetId) || this.holdsIdentifier(target.providerType, identifier))
      throw new UserTargetAlreadyExistsError();
    this.applyHolding(new UserTargetCreatedEvent({ ...target, identifier }));
  }

  /** Appwrite's `users.updateTarget`: an omitted (empty) identifier or name is left as it is. */
  updateTarget(targetId: string, changes: { identifier?: string; name?: string }): void {
    this.assertExists();
    const target = this.targets.get(targetId);
    if (!target) throw new UserTargetNotFoundError();
    const identifier =
      changes.identifier === undefined
        ? target.identifier
        : targetIdentifier(target.providerType, changes.identifier);
    const name = changes.name ?? target.name;
    if (identifier === target.identifier && name === target.name) return;
    if (
      identifierKey(target.providerType, identifier) !==
        identifierKey(target.providerType, target.identifier) &&
      this.holdsIdentifier(target.providerType, identifier)
    )
      throw new UserTargetAlreadyExistsError();
    this.applyHolding(new UserTargetUpdatedEvent({ targetId, identifier, name }));
  }

  /** Any target, the email/phone ones included (the user keeps its email or phone, as in Appwrite). */
  deleteTarget(targetId: string): void {
    this.assertExists();
    if (!this.targets.has(targetId)) throw new UserTargetNotFoundError();
    this.applyHolding(new UserTargetDeletedEvent({ targetId }));
  }

  /**
   * Erasure (GDPR Art. 17): a live user is deleted first (its email and phone freed), then `user.erased`. A
   * stream whose last incarnation is erased already changes nothing (a retry is answered like the first call);
   * an id that never had a stream is not found.
   */
  erase(): void {
    if (this.version === 0) throw new UserNotFoundError();
    if (!this.exists && this.erased) return;
    if (this.exists) this.delete();
    this.apply(new UserErasedEvent({}));
  }

  changeMfa(mfa: boolean): void {
    this.assertExists();
    this.apply(new UserMfaChangedEvent({ mfa }));
  }

  /** A new, unverified TOTP authenticator (replacing an unverified one); a verified one must be removed first. */
  addTotp(secret: string): void {
    this.assertExists();
    if (this.totp?.verified) throw new UserAuthenticatorAlreadyVerifiedError();
    this.apply(new UserMfaTotpAddedEvent({ secret }));
  }

  /** The first code from the app proves the user holds it: the authenticator becomes a factor. */
  verifyTotp(code: string, now: Date): void {
    this.assertExists();
    if (!this.totp) throw new UserAuthenticatorNotFoundError();
    if (this.totp.verified) throw new UserAuthenticatorAlreadyVerifiedError();
    if (!this.totpMatches(code, now)) throw new UserInvalidTokenError();
    this.apply(new UserMfaTotpVerifiedEvent({}));
  }

  removeTotp(): void {
    this.assertExists();
    if (!this.totp) throw new UserAuthenticatorNotFoundError();
    this.apply(new UserMfaTotpRemovedEvent({}));
  }

  /** Whether `code` is the verified authenticator's current code (no event: TOTP codes are not consumed). */
  totpMatches(code: string, now: Date): boolean {
    return !!this.totp?.secret && totpCodeMatches(this.totp.secret, code, now);
  }

  /** Appwrite's create (`replace` false: 409 when codes exist) and regenerate (`replace` true: 404 without). */
  generateRecoveryCodes(codes: string[], replace: boolean): void {
    this.assertExists();
    const exist = this.recoveryCodeHashes.length > 0;
    if (!replace && exist) throw new UserRecoveryCodesAlreadyExistsError();
    if (replace && !exist) throw new UserRecoveryCodesNotFoundError();
    this.apply(new UserMfaRecoveryCodesGeneratedEvent({ hashes: codes.map(hashRecoveryCode) }));
  }

  /** Uses up `code` if it is one of the recovery codes left; answers whether it was. */
  useRecoveryCode(code: string): boolean {
    this.assertExists();
    const hash = hashRecoveryCode(code);
    if (!this.recoveryCodeHashes.includes(hash)) return false;
    this.apply(new UserMfaRecoveryCodeUsedEvent({ hash }));
    return true;
  }

  /** Extension: every factor and the recovery codes go, and MFA is off. */
  resetMfa(): void {
    this.assertExists();
    this.apply(new UserMfaResetEvent({}));
  }

  onUserMfaChangedEvent(event: UserMfaChangedEvent): void {
    this.mfa = event.data.mfa;
  }

  onUserMfaTotpAddedEvent(event: UserMfaTotpAddedEvent): void {
    this.totp = { secret: event.data.secret, verified: false };
  }

  onUserMfaTotpVerifiedEvent(): void {
    if (this.totp) this.totp.verified = true;
  }

  onUserMfaTotpRemovedEvent(): void {
    this.totp = null;
  }

  onUserMfaRecoveryCodesGeneratedEvent(event: UserMfaRecoveryCodesGeneratedEvent): void {
    this.recoveryCodeHashes = event.data.hashes ?? [];
  }

  onUserMfaRecoveryCodeUsedEvent(event: UserMfaRecoveryCodeUsedEvent): void {
    this.recoveryCodeHashes = this.recoveryCodeHashes.filter((hash) => hash !== event.data.hash);
  }

  onUserMfaResetEvent(): void {
    this.clearMfa();
  }

  private clearMfa(): void {
    this.mfa = false;
    this.totp = null;
    this.recoveryCodeHashes = [];
  }

  onUserCreatedEvent(event: UserCreatedEvent): void {
    this.clearMfa();
    this.targets = new Map();
    this.addAddressTarget('email', event.data.email);
    this.addAddressTarget('sms', event.data.phone);
    this.exists = true;
    this.erased = false;
    this.email = event.data.email;
    this.phone = event.data.phone;
    this.status = true;
    this.currentBan = null;
    this.lockedUntil = null;
    this.passwordHash = event.data.password;
    this.prefs = {};
  }

  onUserPasswordChangedEvent(event: UserPasswordChangedEvent): void {
    this.passwordHash = event.data.password;
  }

  onUserPasswordRehashedEvent(event: UserPasswordRehashedEvent): void {
    this.passwordHash = event.data.password;
  }

  onUserEmailChangedEvent(event: UserEmailChangedEvent): void {
    this.followAddress('email', this.email, event.data.email);
    this.email = event.data.email;
  }

  onUserPhoneChangedEvent(event: UserPhoneChangedEvent): void {
    this.followAddress('sms', this.phone, event.data.phone);
    this.phone = event.data.phone;
  }

  onUserStatusChangedEvent(event: UserStatusChangedEvent): void {
    this.status = event.data.status;
    // Users' rule: `status: false` is a ban without reason or expiry, `true` lifts any ban.
    this.currentBan = event.data.status ? null : { version: this.version + 1, reason: null, expiresAt: null };
  }

  onUserBannedEvent(event: UserBannedEvent): void {
    this.status = false;
    // `version` counts this event only after its handler has run.
    this.currentBan = {
      version: this.version + 1,
      reason: event.data.reason,
      expiresAt: event.data.expiresAt,
    };
  }

  onUserUnbannedEvent(): void {
    this.status = true;
    this.currentBan = null;
  }

  onUserLockedEvent(event: UserLockedEvent): void {
    this.lockedUntil = event.data.until;
  }

  onUserUnlockedEvent(): void {
    this.lockedUntil = null;
  }

  onUserPrefsUpdatedEvent(event: UserPrefsUpdatedEvent): void {
    // Erased (crypto-shredded) prefs decode as null.
    this.prefs = event.data.prefs ?? {};
  }

  onUserDeletedEvent(): void {
    this.exists = false;
    this.currentBan = null;
    this.lockedUntil = null;
    this.email = null;
    this.phone = null;
    this.passwordHash = null;
    this.targets = new Map();
    this.clearMfa();
  }

  onUserTargetCreatedEvent(event: UserTargetCreatedEvent): void {
    const { targetId, providerType, identifier, name } = event.data;
    // Erased (crypto-shredded) personal data decodes as null.
    this.targets.set(targetId, {
      providerType,
      identifier: identifier ?? '',
      name: name ?? '',
      custom: true,
    });
  }

  onUserTargetUpdatedEvent(event: UserTargetUpdatedEvent): void {
    const target = this.targets.get(event.data.targetId);
    if (target)
      Object.assign(target, { identifier: event.data.identifier ?? '', name: event.data.name ?? '' });
  }

  onUserTargetDeletedEvent(event: UserTargetDeletedEvent): void {
    this.targets.delete(event.data.targetId);
  }

  /** Appwrite: the target that has the old address takes the new one, or goes with it; else a new target. */
  private followAddress(providerType: 'email' | 'sms', before: string | null, after: string | null): void {
    const entry = before === null ? undefined : [...this.targets].find(([, t]) => t.identifier === before);
    if (entry && after !== null) entry[1].identifier = after;
    else if (entry) this.targets.delete(entry[0]);
    else this.addAddressTarget(providerType, after);
  }

  private addAddressTarget(providerType: 'email' | 'sms', identifier: string | null): void {
    if (identifier === null) return;
    // `version` counts the event being applied only after its handler has run.
    const id = addressTargetId(this.id, providerType, this.version + 1, (taken) => this.targets.has(taken));
    this.targets.set(id, { providerType, identifier, name: '', custom: false });
  }

  private holdsIdentifier(providerType: TargetProviderType, identifier: string): boolean {
    return this.held().get(IDENTIFIER_SCOPES[providerType])!.has(identifierKey(providerType, identifier));
  }

  /** The unique values this user holds, by scope: its email and phone, its targets' identifiers and ids. */
  private held(): Map<string, Set<string>> {
    const held = new Map<string, Set<string>>([
      [EMAIL_SCOPE, new Set(this.email === null ? [] : [this.email])],
      [PHONE_SCOPE, new Set(this.phone === null ? [] : [this.phone])],
      [PUSH_TARGET_SCOPE, new Set()],
      [TARGET_ID_SCOPE, new Set()],
    ]);
    for (const [id, target] of this.targets) {
      held
        .get(IDENTIFIER_SCOPES[target.providerType])!
        .add(identifierKey(target.providerType, target.identifier));
      if (target.custom) held.get(TARGET_ID_SCOPE)!.add(id);
    }
    return held;
  }

  /**
   * Applies `event` and claims or releases what it changed in the held values: a value one of the user's
   * addresses or targets still has stays claimed (an email and its target share one claim).
   */
  private applyHolding(event: UserEvent): void {
    const before = this.held();
    this.apply(event);
    const after = this.held();
    for (const [scope, values] of before)
      for (const value of values) if (!after.get(scope)!.has(value)) this.release(scope, value);
    for (const [scope, values] of after)
      for (const value of values) if (!before.get(scope)!.has(value)) this.claim(scope, value);
  }

  onUserErasedEvent(): void {
    this.erased = true;
  }

  private assertExists(): void {
    if (!this.exists) throw new UserNotFoundError();
  }

  private claim(scope: string, value: string | null): void {
    if (value !== null) this.constraints.push({ op: 'claim', scope, value });
  }

  private release(scope: string, value: string | null): void {
    if (value !== null) this.constraints.push({ op: 'release', scope, value });
  }
}
