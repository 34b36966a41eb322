/** The token was disabled (`isActive: false`) or enabled again. */
export class AccessTokenUpdatedEvent {
  static readonly type = 'access_token.updated';
  readonly type = AccessTokenUpdatedEvent.type;
  constructor(readonly data: { userId: string; isActive: boolean }) {}
}
