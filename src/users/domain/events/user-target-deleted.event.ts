export class UserTargetDeletedEvent {
  static readonly type = 'user.target.deleted';
  readonly type = UserTargetDeletedEvent.type;
  constructor(readonly data: { targetId: string }) {}
}
