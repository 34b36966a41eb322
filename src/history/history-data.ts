import {
  AccessTokenCreatedEvent,
  AccessTokenDeletedEvent,
  AccessTokenUpdatedEvent,
} from '../access-tokens/domain/events';
import type { AnyEvent } from '../events';
import { IdentityCreatedEvent, IdentityDeletedEvent } from '../identities/domain/events';
import {
  SessionCreatedEvent,
  SessionExtendedEvent,
  SessionRevokedEvent,
  SessionChallengeCreatedEvent,
  SessionFactorsAddedEvent,
  SessionSweepCompletedEvent,
  SessionSweepRequestedEvent,
  TokenConsumedEvent,
  TokenCreatedEvent,
} from '../sessions/domain/events';
import {
  LoginFailedEvent,
  UserBannedEvent,
  UserCreatedEvent,
  UserDeletedEvent,
  UserEmailChangedEvent,
  UserEmailVerificationChangedEvent,
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

/** What the caller may see: password hashes only with `users.hashes.read`, as in User models. */
export interface HistoryViewer {
  showHashes: boolean;
}

type Shown<E extends AnyEvent> = (data: E['data'], viewer: HistoryViewer) => Record<string, unknown>;

const asStored = (data: object) => ({ ...data });
/** A stored password hash and its options, as User models show them: `null` without `users.hashes.read`. */
const hashes = (data: object, viewer: HistoryViewer) =>
  viewer.showHashes ? { ...data } : { ...data, password: null, hashOptions: null };

/**
 * What each event's `data` shows in the history (and the export). One entry per event class, so a new event
 * cannot reach the history before someone has decided what of it may be shown. Plain passwords and session
 * secrets are never in the log; the SHA-256 of a session secret and a provider's tokens are credentials, so they
 * are never shown either.
 */
export const HISTORY_DATA: { [T in AnyEvent['type']]: Shown<Extract<AnyEvent, { type: T }>> } = {
  [UserCreatedEvent.type]: hashes,
  [UserNameChangedEvent.type]: asStored,
  [UserEmailChangedEvent.type]: asStored,
  [UserPhoneChangedEvent.type]: asStored,
  [UserPasswordChangedEvent.type]: hashes,
  [UserPasswordRehashedEvent.type]: hashes,
  [UserStatusChangedEvent.type]: asStored,
  [UserEmailVerificationChangedEvent.type]: asStored,
  [UserPhoneVerificationChangedEvent.type]: asStored,
  [UserLabelsChangedEvent.type]: asStored,
  [UserPrefsUpdatedEvent.type]: asStored,
  [UserDeletedEvent.type]: asStored,
  [UserBannedEvent.type]: asStored,
  [UserUnbannedEvent.type]: asStored,
  [UserLockedEvent.type]: asStored,
  [UserUnlockedEvent.type]: asStored,
  // The user's own addresses and device tokens, shown to whoever may read the user (as its User model does).
  [UserTargetCreatedEvent.type]: asStored,
  [UserTargetUpdatedEvent.type]: asStored,
  [UserTargetDeletedEvent.type]: asStored,
  [UserErasedEvent.type]: asStored,
  [UserImpersonatorChangedEvent.type]: asStored,
  // The TOTP secret and the recovery codes' hashes are credentials: never shown, whoever reads.
  [UserMfaChangedEvent.type]: asStored,
  [UserMfaTotpAddedEvent.type]: ({ secret: _secret, ...data }) => data,
  [UserMfaTotpVerifiedEvent.type]: asStored,
  [UserMfaTotpRemovedEvent.type]: asStored,
  [UserMfaRecoveryCodesGeneratedEvent.type]: ({ hashes }) => ({ count: hashes?.length ?? 0 }),
  [UserMfaRecoveryCodeUsedEvent.type]: ({ hash: _hash, ...data }) => data,
  [UserMfaResetEvent.type]: asStored,
  [LoginFailedEvent.type]: asStored,
  [SessionCreatedEvent.type]: ({ secretHash: _secretHash, ...data }) => data,
  [SessionRevokedEvent.type]: asStored,
  [SessionExtendedEvent.type]: asStored,
  [SessionChallengeCreatedEvent.type]: asStored,
  [SessionFactorsAddedEvent.type]: asStored,
  [TokenCreatedEvent.type]: ({ secretHash: _secretHash, ...data }) => data,
  [TokenConsumedEvent.type]: asStored,
  // About every session rather than one user: no history shows them (their revocations are in the sessions').
  [SessionSweepRequestedEvent.type]: asStored,
  [SessionSweepCompletedEvent.type]: asStored,
  [IdentityCreatedEvent.type]: (data) => ({ ...data, providerAccessToken: null, providerRefreshToken: null }),
  [IdentityDeletedEvent.type]: asStored,
  // A personal access token's secret is never in the log; its hash is a credential too, so it is never shown.
  [AccessTokenCreatedEvent.type]: ({ secretHash: _secretHash, ...data }) => data,
  [AccessTokenUpdatedEvent.type]: asStored,
  [AccessTokenDeletedEvent.type]: asStored,
};

/** The data of `event` as `viewer` may see it. */
export function shownData(event: AnyEvent, viewer: HistoryViewer): Record<string, unknown> {
  const show = HISTORY_DATA[event.type] as Shown<AnyEvent>;
  return show(event.data, viewer);
}
