/**
 * The user is banned: blocked (`status: false`), every session ended, with an optional reason and an optional
 * expiry (ISO 8601) after which the ban no longer counts. The reason is about the person: sealed.
 */
export class UserBannedEvent {
  static readonly type = 'user.banned';
  static readonly sealed = ['reason'] as const;
  readonly type = UserBannedEvent.type;
  constructor(readonly data: { reason: string | null; expiresAt: string | null }) {}
}
