import type { UserDeletedEvent, UserPasswordChangedEvent } from '../../../users/domain/events';

/** Why a session ended; a user change names the user event (a block has no event of its own name). */
export type SessionRevocationReason =
  | 'logout'
  | 'admin'
  | 'limit'
  | 'sweep'
  | 'user.blocked'
  | typeof UserDeletedEvent.type
  | typeof UserPasswordChangedEvent.type;

export class SessionRevokedEvent {
  static readonly type = 'session.revoked';
  readonly type = SessionRevokedEvent.type;
  constructor(readonly data: { userId: string; reason: SessionRevocationReason }) {}
}
