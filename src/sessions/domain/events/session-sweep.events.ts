/**
 * An operator ended every session that existed when this was appended (Mattermost's "revoke all sessions").
 * Its position is the cut-off: sessions created at an earlier position are refused from this commit on, and
 * the sweep worker revokes each of them as its own event.
 */
export class SessionSweepRequestedEvent {
  static readonly type = 'session.sweep.requested';
  readonly type = SessionSweepRequestedEvent.type;
  constructor(readonly data: Record<string, never> = {}) {}
}

/** The sweep worker revoked every session before the cut-off (`revoked` of them by this sweep). */
export class SessionSweepCompletedEvent {
  static readonly type = 'session.sweep.completed';
  readonly type = SessionSweepCompletedEvent.type;
  constructor(readonly data: { revoked: number }) {}
}
