/** The ban is lifted: by an admin, or (`expired`) by the expiry job once its ban ran out. */
export class UserUnbannedEvent {
  static readonly type = 'user.unbanned';
  readonly type = UserUnbannedEvent.type;
  constructor(readonly data: { expired: boolean }) {}
}
