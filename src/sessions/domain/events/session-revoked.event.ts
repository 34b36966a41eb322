export type SessionRevocationReason =
  'logout' | 'admin' | 'limit' | 'user.blocked' | 'user.deleted' | 'user.password.changed';

export class SessionRevokedEvent {
  static readonly type = 'session.revoked';
  readonly type = SessionRevokedEvent.type;
  constructor(readonly data: { userId: string; reason: SessionRevocationReason }) {}
}
