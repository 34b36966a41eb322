import { Injectable } from '@nestjs/common';
import { SessionNotFoundError } from '../domain/session.errors';
import type { AccountPrincipal } from './account-principal';
import type { SessionRow } from './session.row';
import { SessionsReader } from './sessions.reader';

/** The literal Appwrite takes in place of a session id: the session the request stands on. */
export const CURRENT_SESSION = 'current';

/**
 * The sessions an account sees as its own: those that still count for its user (users' session policy), so a
 * session another user holds, a revoked or expired one, or one a block or a password change ended is "not
 * found" whether or not the revocation worker has caught up.
 */
@Injectable()
export class OwnSessions {
  constructor(private readonly reader: SessionsReader) {}

  list(principal: AccountPrincipal): Promise<SessionRow[]> {
    return this.reader.listCounting(principal.user);
  }

  /** One of them by id or `current`; 404 `user_session_not_found` otherwise. */
  async find(principal: AccountPrincipal, sessionId: string): Promise<SessionRow> {
    const id = sessionId === CURRENT_SESSION ? principal.session?.id : sessionId;
    const found = id === undefined ? undefined : (await this.list(principal)).find((row) => row.id === id);
    if (!found) throw new SessionNotFoundError();
    return found;
  }
}

/** Whether `row` is the session the request stands on (Appwrite's `current`). */
export function isCurrent(principal: AccountPrincipal, row: SessionRow): boolean {
  return principal.session?.id === row.id;
}
