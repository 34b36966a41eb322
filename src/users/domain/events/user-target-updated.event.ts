/** A target's identifier and name after `PATCH …/targets/{targetId}` (both carried, changed or not). */
export class UserTargetUpdatedEvent {
  static readonly type = 'user.target.updated';
  /** Personal data: stored only sealed with the user's data key. */
  static readonly sealed = ['identifier', 'name'] as const;
  readonly type = UserTargetUpdatedEvent.type;
  constructor(readonly data: { targetId: string; identifier: string; name: string }) {}
}
