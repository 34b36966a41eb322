export class UserNameChangedEvent {
  static readonly type = 'user.name.changed';
  constructor(readonly data: { name: string }) {}
}
