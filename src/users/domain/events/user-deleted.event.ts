export class UserDeletedEvent {
  static readonly type = 'user.deleted';
  readonly type = UserDeletedEvent.type;
  constructor(readonly data: Record<string, never>) {}
}
