export class UserDeletedEvent {
  static readonly type = 'user.deleted';
  constructor(readonly data: Record<string, never>) {}
}
