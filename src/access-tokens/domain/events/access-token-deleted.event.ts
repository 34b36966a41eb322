/** The token was revoked for good; its id is never reused. */
export class AccessTokenDeletedEvent {
  static readonly type = 'access_token.deleted';
  readonly type = AccessTokenDeletedEvent.type;
  constructor(readonly data: { userId: string }) {}
}
