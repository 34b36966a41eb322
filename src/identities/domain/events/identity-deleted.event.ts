import type { UserDeletedEvent } from '../../../users/domain/events';

/** `admin`: deleted through the API; `user.deleted`: removed because its user was deleted. */
export type IdentityDeletionReason = 'admin' | typeof UserDeletedEvent.type;

/** Carries the provider pair so consumers (and the audit log) need not read the stream to know what went. */
export class IdentityDeletedEvent {
  static readonly type = 'identity.deleted';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['providerUid'] as const;
  readonly type = IdentityDeletedEvent.type;
  constructor(
    readonly data: { userId: string; provider: string; providerUid: string; reason: IdentityDeletionReason },
  ) {}
}
