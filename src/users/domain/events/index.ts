import { EventRegistry, RecordedEvent } from '@libs/event-store';
import { UserCreatedEvent } from './user-created.event';
import { UserDeletedEvent } from './user-deleted.event';
import { UserEmailChangedEvent } from './user-email-changed.event';
import { UserEmailVerificationChangedEvent } from './user-email-verification-changed.event';
import { UserLabelsChangedEvent } from './user-labels-changed.event';
import { UserNameChangedEvent } from './user-name-changed.event';
import { UserPasswordChangedEvent } from './user-password-changed.event';
import { UserPasswordRehashedEvent } from './user-password-rehashed.event';
import { UserPhoneChangedEvent } from './user-phone-changed.event';
import { UserPhoneVerificationChangedEvent } from './user-phone-verification-changed.event';
import { UserPrefsUpdatedEvent } from './user-prefs-updated.event';
import { UserStatusChangedEvent } from './user-status-changed.event';
import { UserBannedEvent } from './user-banned.event';
import { UserUnbannedEvent } from './user-unbanned.event';
import { UserLockedEvent } from './user-locked.event';
import { UserUnlockedEvent } from './user-unlocked.event';
import { UserTargetCreatedEvent } from './user-target-created.event';
import { UserTargetUpdatedEvent } from './user-target-updated.event';
import { UserTargetDeletedEvent } from './user-target-deleted.event';
import { UserErasedEvent } from './user-erased.event';
import { UserImpersonatorChangedEvent } from './user-impersonator-changed.event';
import {
  UserMfaChangedEvent,
  UserMfaEvent,
  UserMfaRecoveryCodeUsedEvent,
  UserMfaRecoveryCodesGeneratedEvent,
  UserMfaResetEvent,
  UserMfaTotpAddedEvent,
  UserMfaTotpRemovedEvent,
  UserMfaTotpVerifiedEvent,
} from './user-mfa.events';

export * from './user-created.event';
export * from './user-deleted.event';
export * from './user-email-changed.event';
export * from './user-email-verification-changed.event';
export * from './user-labels-changed.event';
export * from './user-name-changed.event';
export * from './user-password-changed.event';
export * from './user-password-rehashed.event';
export * from './user-phone-changed.event';
export * from './user-phone-verification-changed.event';
export * from './user-prefs-updated.event';
export * from './user-status-changed.event';
export * from './user-banned.event';
export * from './user-unbanned.event';
export * from './user-locked.event';
export * from './user-unlocked.event';
export * from './login-failed.event';
export * from './user-target-created.event';
export * from './user-target-updated.event';
export * from './user-target-deleted.event';
export * from './user-erased.event';
export * from './user-impersonator-changed.event';
export * from './user-mfa.events';

export type UserEvent =
  | UserCreatedEvent
  | UserNameChangedEvent
  | UserEmailChangedEvent
  | UserPhoneChangedEvent
  | UserPasswordChangedEvent
  | UserPasswordRehashedEvent
  | UserStatusChangedEvent
  | UserEmailVerificationChangedEvent
  | UserPhoneVerificationChangedEvent
  | UserLabelsChangedEvent
  | UserPrefsUpdatedEvent
  | UserDeletedEvent
  | UserBannedEvent
  | UserUnbannedEvent
  | UserLockedEvent
  | UserUnlockedEvent
  | UserTargetEvent
  | UserErasedEvent
  | UserImpersonatorChangedEvent
  | UserMfaEvent;

/** The events of the user's messaging targets (`users.{userId}.targets.{targetId}.*`). */
export type UserTargetEvent = UserTargetCreatedEvent | UserTargetUpdatedEvent | UserTargetDeletedEvent;

export const USER_STREAM = 'user';

/**
 * Type strings are stored forever: never rename one; bump `schemaVersion` and add an upcaster instead.
 * Sealed fields are the user's own personal data, sealed with the user's data key.
 */
export const USER_EVENTS = new EventRegistry<UserEvent>(({ streamId }) => streamId)
  .register(UserCreatedEvent)
  .register(UserNameChangedEvent)
  .register(UserEmailChangedEvent)
  .register(UserPhoneChangedEvent)
  .register(UserPasswordChangedEvent)
  .register(UserPasswordRehashedEvent)
  .register(UserStatusChangedEvent)
  .register(UserEmailVerificationChangedEvent)
  .register(UserPhoneVerificationChangedEvent)
  .register(UserLabelsChangedEvent)
  .register(UserPrefsUpdatedEvent)
  .register(UserDeletedEvent)
  .register(UserBannedEvent)
  .register(UserUnbannedEvent)
  .register(UserLockedEvent)
  .register(UserUnlockedEvent)
  .register(UserTargetCreatedEvent)
  .register(UserTargetUpdatedEvent)
  .register(UserTargetDeletedEvent)
  .register(UserErasedEvent)
  .register(UserImpersonatorChangedEvent)
  .register(UserMfaChangedEvent)
  .register(UserMfaTotpAddedEvent)
  .register(UserMfaTotpVerifiedEvent)
  .register(UserMfaTotpRemovedEvent)
  .register(UserMfaRecoveryCodesGeneratedEvent)
  .register(UserMfaRecoveryCodeUsedEvent)
  .register(UserMfaResetEvent);

/** Narrows a decoded event of any stream to a user event. */
export function isUserEvent(recorded: RecordedEvent): recorded is RecordedEvent<UserEvent> {
  return recorded.streamType === USER_STREAM;
}
