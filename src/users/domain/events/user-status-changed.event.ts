export class UserStatusChangedEvent {
  static readonly type = 'user.status.changed';
  readonly type = UserStatusChangedEvent.type;
  constructor(readonly data: { status: boolean }) {}
}
