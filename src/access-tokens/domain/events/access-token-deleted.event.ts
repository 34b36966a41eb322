import type { UserDeletedEvent } from '../../../users/domain/events';

/** `admin`: deleted through the API; `user.deleted`: removed because its user was deleted. */
export type AccessTokenDeletionReason = 'admin' | typeof UserDeletedEvent.type;

/** The token was revoked for good; its id is never reused. */
export class AccessTokenDeletedEvent {
  static readonly type = 'access_token.deleted';
  readonly type = AccessTokenDeletedEvent.type;
  constructor(readonly data: { userId: string; reason: AccessTokenDeletionReason }) {}
}
