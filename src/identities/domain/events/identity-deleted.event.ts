/** `admin`: deleted through the API; `user.deleted`: removed because its user was deleted. */
export type IdentityDeletionReason = 'admin' | 'user.deleted';

/** Carries the provider pair so consumers (and the audit log) need not read the stream to know what went. */
export class IdentityDeletedEvent {
  static readonly type = 'identity.deleted';
  constructor(
    readonly data: { userId: string; provider: string; providerUid: string; reason: IdentityDeletionReason },
  ) {}
}
