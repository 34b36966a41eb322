import { EventSourcedAggregate } from '@libs/event-store';
import type { UniqueConstraintChange } from '@libs/event-store';
import {
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
} from './events';
import { UserAlreadyExistsError, UserNotFoundError } from './user.errors';

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
}

/** Scopes of the unique constraints a user holds; values are normalised (lower-case email). */
export const EMAIL_SCOPE = 'user.email';
export const PHONE_SCOPE = 'user.phone';

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
  private readonly constraints: UniqueConstraintChange[] = [];

  /** Constraint changes implied by the uncommitted events, for the append transaction. */
  override get pendingConstraints(): readonly UniqueConstraintChange[] {
    return this.constraints;
  }

  create(props: CreateUserProps): void {
    if (this.exists) throw new UserAlreadyExistsError();
    this.claim(EMAIL_SCOPE, props.email);
    this.claim(PHONE_SCOPE, props.phone);
    const { userId, ...rest } = props;
    this.apply(new UserCreatedEvent({ userId, ...rest }));
  }

  changeName(name: string): void {
    this.assertExists();
    this.apply(new UserNameChangedEvent({ name }));
  }

  /** Re-submitting the current email is a no-op (Appwrite answers 409 there; idempotent PATCH is kinder). */
  changeEmail(email: string | null): void {
    this.assertExists();
    if (email === this.email) return;
    this.release(EMAIL_SCOPE, this.email);
    this.claim(EMAIL_SCOPE, email);
    this.apply(new UserEmailChangedEvent({ email }));
  }

  changePhone(phone: string | null): void {
    this.assertExists();
    if (phone === this.phone) return;
    this.release(PHONE_SCOPE, this.phone);
    this.claim(PHONE_SCOPE, phone);
    this.apply(new UserPhoneChangedEvent({ phone }));
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

  updatePrefs(prefs: Record<string, unknown>): void {
    this.assertExists();
    this.apply(new UserPrefsUpdatedEvent({ prefs }));
  }

  delete(): void {
    this.assertExists();
    this.release(EMAIL_SCOPE, this.email);
    this.release(PHONE_SCOPE, this.phone);
    this.apply(new UserDeletedEvent({}));
  }

  onUserCreatedEvent(event: UserCreatedEvent): void {
    this.exists = true;
    this.email = event.data.email;
    this.phone = event.data.phone;
    this.status = true;
    this.passwordHash = event.data.password;
  }

  onUserPasswordChangedEvent(event: UserPasswordChangedEvent): void {
    this.passwordHash = event.data.password;
  }

  onUserPasswordRehashedEvent(event: UserPasswordRehashedEvent): void {
    this.passwordHash = event.data.password;
  }

  onUserEmailChangedEvent(event: UserEmailChangedEvent): void {
    this.email = event.data.email;
  }

  onUserPhoneChangedEvent(event: UserPhoneChangedEvent): void {
    this.phone = event.data.phone;
  }

  onUserStatusChangedEvent(event: UserStatusChangedEvent): void {
    this.status = event.data.status;
  }

  onUserDeletedEvent(): void {
    this.exists = false;
    this.email = null;
    this.phone = null;
    this.passwordHash = null;
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
