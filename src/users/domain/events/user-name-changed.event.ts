export class UserNameChangedEvent {
  static readonly type = 'user.name.changed';
  /** Personal data and secrets: stored only sealed with the user's data key. */
  static readonly sealed = ['name'] as const;
  readonly type = UserNameChangedEvent.type;
  constructor(readonly data: { name: string }) {}
}
