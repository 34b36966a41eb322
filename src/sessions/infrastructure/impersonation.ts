import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { mayAuthenticate, UsersReader, UserView } from '../../users';
import { UserBlockedError } from '../domain/session.errors';
import type { AccountPrincipal } from './account-principal';

/** Longer values match no user id, email or phone; they are not looked up. */
const MAX_HEADER = 320;

function header(request: FastifyRequest, name: string): string {
  const value = request.headers[name];
  return typeof value === 'string' && value.length <= MAX_HEADER ? value : '';
}

/**
 * Appwrite 1.9.5's impersonation (app/init/resources/request.php): a request authenticated as a user whose
 * `impersonator` flag is set, sending `X-Appwrite-Impersonate-User-Id`, `-Email` or `-Phone` (the first
 * non-empty one in that order decides), acts as the user it names. As in Appwrite, the headers of a caller
 * that is not an impersonator, and a name that matches no user, are ignored: the request acts as the caller.
 * The flag and the target are read on every request, so revoking the flag or blocking either user stops it
 * at once; a blocked target is `user_blocked`, as Appwrite answers for the user a request acts as.
 * Appwrite's query-parameter fallback (`?impersonateUserId=`) is left out: a link must not switch the user a
 * cookie-authenticated request acts as.
 */
@Injectable()
export class Impersonation {
  constructor(private readonly users: UsersReader) {}

  async resolve(request: FastifyRequest, principal: AccountPrincipal): Promise<AccountPrincipal> {
    if (!principal.user.impersonator) return principal;
    const target = await this.target(request);
    if (!target) return principal;
    if (!mayAuthenticate(target).allowed) throw new UserBlockedError();
    return { user: target, via: principal.via, impersonator: principal.user };
  }

  private target(request: FastifyRequest): Promise<UserView | undefined> {
    const id = header(request, 'x-appwrite-impersonate-user-id');
    if (id) return this.users.findById(id);
    const email = header(request, 'x-appwrite-impersonate-user-email');
    if (email) return this.users.findByEmail(email.toLowerCase());
    const phone = header(request, 'x-appwrite-impersonate-user-phone');
    if (phone) return this.users.findByPhone(phone);
    return Promise.resolve(undefined);
  }
}
