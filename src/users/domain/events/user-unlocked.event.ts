/** The lock-out is lifted before its time (by an admin, or by an admin's password change). */
export class UserUnlockedEvent {
  static readonly type = 'user.unlocked';
  readonly type = UserUnlockedEvent.type;
  constructor(readonly data: Record<string, never>) {}
}
