export class UserStatusChangedEvent {
  static readonly type = 'user.status.changed';
  constructor(readonly data: { status: boolean }) {}
}
