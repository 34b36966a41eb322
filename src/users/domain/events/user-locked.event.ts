/**
 * Logins are refused until `until` (ISO 8601), even with the right password; sessions stay. `cause` says who
 * locked: the failed-attempt count or an admin.
 */
export class UserLockedEvent {
  static readonly type = 'user.locked';
  readonly type = UserLockedEvent.type;
  constructor(readonly data: { until: string; cause: 'failed-attempts' | 'manual' }) {}
}
