import type { RecordedEvent } from '@libs/event-store';
import {
  AccessTokenCreatedEvent,
  AccessTokenDeletedEvent,
  AccessTokenEvent,
  AccessTokenUpdatedEvent,
  isAccessTokenEvent,
} from '../access-tokens/domain/events';
import type { AnyEvent } from '../events';
import {
  IdentityCreatedEvent,
  IdentityDeletedEvent,
  IdentityEvent,
  isIdentityEvent,
} from '../identities/domain/events';
import {
  isSessionEvent,
  SessionCreatedEvent,
  SessionEvent,
  SessionExtendedEvent,
  SessionRevokedEvent,
  SessionChallengeCreatedEvent,
  SessionFactorsAddedEvent,
} from '../sessions/domain/events';
import { isTokenEvent, TokenConsumedEvent, TokenCreatedEvent, TokenEvent } from '../sessions/domain/events';
import {
  isLoginEvent,
  isUserEvent,
  LoginEvent,
  LoginFailedEvent,
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
  UserTargetCreatedEvent,
  UserTargetUpdatedEvent,
  UserTargetDeletedEvent,
  UserErasedEvent,
  UserImpersonatorChangedEvent,
  UserMfaChangedEvent,
  UserMfaTotpAddedEvent,
  UserMfaTotpVerifiedEvent,
  UserMfaTotpRemovedEvent,
  UserMfaRecoveryCodesGeneratedEvent,
  UserMfaRecoveryCodeUsedEvent,
  UserMfaResetEvent,
} from '../users/domain/events';

/** Appwrite's action suffix for each user event (both verification flags are one `update.verification`). */
const USER_ACTIONS: Record<UserEvent['type'], string> = {
  [UserCreatedEvent.type]: 'create',
  [UserNameChangedEvent.type]: 'update.name',
  [UserEmailChangedEvent.type]: 'update.email',
  [UserPhoneChangedEvent.type]: 'update.phone',
  [UserPasswordChangedEvent.type]: 'update.password',
  [UserPasswordRehashedEvent.type]: 'update.password.rehash',
  [UserStatusChangedEvent.type]: 'update.status',
  [UserEmailVerificationChangedEvent.type]: 'update.verification',
  [UserPhoneVerificationChangedEvent.type]: 'update.verification',
  [UserLabelsChangedEvent.type]: 'update.labels',
  [UserPrefsUpdatedEvent.type]: 'update.prefs',
  [UserDeletedEvent.type]: 'delete',
  [UserBannedEvent.type]: 'update.ban',
  [UserUnbannedEvent.type]: 'update.unban',
  [UserLockedEvent.type]: 'update.lock',
  [UserUnlockedEvent.type]: 'update.unlock',
  [UserTargetCreatedEvent.type]: 'create',
  [UserTargetUpdatedEvent.type]: 'update',
  [UserTargetDeletedEvent.type]: 'delete',
  [UserErasedEvent.type]: 'erase',
  [UserImpersonatorChangedEvent.type]: 'update.impersonator',
  // Appwrite's MFA events are `users.{userId}.update.mfa`, `….create.mfa.recovery-codes`, `….delete.mfa`.
  [UserMfaChangedEvent.type]: 'update.mfa',
  [UserMfaTotpAddedEvent.type]: 'create.mfa.authenticators.totp',
  [UserMfaTotpVerifiedEvent.type]: 'update.mfa.authenticators.totp',
  [UserMfaTotpRemovedEvent.type]: 'delete.mfa.authenticators.totp',
  [UserMfaRecoveryCodesGeneratedEvent.type]: 'create.mfa.recovery-codes',
  [UserMfaRecoveryCodeUsedEvent.type]: 'update.mfa.recovery-codes',
  [UserMfaResetEvent.type]: 'delete.mfa',
};

/** A failed login names no session (none was made): `users.{userId}.sessions.create.failed`. */
const LOGIN_ACTIONS: Record<LoginEvent['type'], string> = {
  [LoginFailedEvent.type]: 'sessions.create.failed',
};

const SESSION_ACTIONS: Record<SessionEvent['type'], string> = {
  [SessionCreatedEvent.type]: 'create',
  [SessionRevokedEvent.type]: 'delete',
  [SessionExtendedEvent.type]: 'update',
  [SessionChallengeCreatedEvent.type]: 'create',
  [SessionFactorsAddedEvent.type]: 'update',
};

const IDENTITY_ACTIONS: Record<IdentityEvent['type'], string> = {
  [IdentityCreatedEvent.type]: 'create',
  [IdentityDeletedEvent.type]: 'delete',
};

/** Appwrite creates a token (`tokens.create`) and deletes it when it is exchanged for a session. */
const TOKEN_ACTIONS: Record<TokenEvent['type'], string> = {
  [TokenCreatedEvent.type]: 'create',
  [TokenConsumedEvent.type]: 'delete',
};

/** A personal access token (extension): `users.{userId}.access-tokens.{tokenId}.create`. */
const ACCESS_TOKEN_ACTIONS: Record<AccessTokenEvent['type'], string> = {
  [AccessTokenCreatedEvent.type]: 'create',
  [AccessTokenUpdatedEvent.type]: 'update',
  [AccessTokenDeletedEvent.type]: 'delete',
};

/** The user an event is about: the stream for user events, the session's or identity's user otherwise. */
export function subjectUserId(recorded: RecordedEvent<AnyEvent>): string {
  if (isSessionEvent(recorded)) return recorded.event.data.userId;
  if (isIdentityEvent(recorded)) return recorded.event.data.userId;
  if (isLoginEvent(recorded)) return recorded.event.data.userId;
  if (isTokenEvent(recorded)) return recorded.event.data.userId;
  if (isAccessTokenEvent(recorded)) return recorded.event.data.userId;
  return recorded.streamId;
}

/**
 * Appwrite-style event name of an event, as listed in activity logs: `users.{userId}.update.email`,
 * `users.{userId}.sessions.{sessionId}.create`, `users.{userId}.identities.{identityId}.delete`. The maps are
 * exhaustive: a new event class does not compile until it has its name here.
 */
export function auditEventName(recorded: RecordedEvent<AnyEvent>): string {
  const userId = subjectUserId(recorded);
  // A target's events name the target: `users.{userId}.targets.{targetId}.create`, as Appwrite's events do.
  if (isUserEvent(recorded) && 'targetId' in recorded.event.data)
    return `users.${userId}.targets.${recorded.event.data.targetId}.${USER_ACTIONS[recorded.event.type]}`;
  if (isUserEvent(recorded)) return `users.${userId}.${USER_ACTIONS[recorded.event.type]}`;
  // Appwrite names a challenge by its own id: `users.{userId}.challenges.{challengeId}.create`.
  if (isSessionEvent(recorded) && recorded.event.type === SessionChallengeCreatedEvent.type)
    return `users.${userId}.challenges.${recorded.event.data.challengeId}.create`;
  if (isSessionEvent(recorded))
    return `users.${userId}.sessions.${recorded.streamId}.${SESSION_ACTIONS[recorded.event.type]}`;
  if (isIdentityEvent(recorded))
    return `users.${userId}.identities.${recorded.streamId}.${IDENTITY_ACTIONS[recorded.event.type]}`;
  if (isLoginEvent(recorded)) return `users.${userId}.${LOGIN_ACTIONS[recorded.event.type]}`;
  if (isTokenEvent(recorded))
    return `users.${userId}.tokens.${recorded.streamId}.${TOKEN_ACTIONS[recorded.event.type]}`;
  if (isAccessTokenEvent(recorded))
    return `users.${userId}.access-tokens.${recorded.streamId}.${ACCESS_TOKEN_ACTIONS[recorded.event.type]}`;
  return `${recorded.streamType}.${recorded.streamId}.${recorded.event.type}`;
}
