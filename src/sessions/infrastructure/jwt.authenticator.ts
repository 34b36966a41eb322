import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { JwtAndCookieSetError, JwtTokens } from '../../jwt';
import { credentialStands, UsersReader } from '../../users';
import { NoSessionError } from '../domain/session.errors';
import type { AccountAuthenticator, AccountPrincipal } from './account-principal';
import { SessionSecretAuthenticator } from './session-secret.authenticator';
import { SessionsReader } from './sessions.reader';

/**
 * A JWT in `X-Appwrite-JWT` (Appwrite's header). One that does not verify (signature, key, expiry) is
 * `user_jwt_invalid`; one whose session has ended, or whose user is gone, re-created, or has a new password
 * since, is "no session" (Appwrite answers as to a guest). The session's live row and users' policy decide,
 * through the same validation as a session secret; blocked users are left to the resolver (`user_blocked`).
 */
@Injectable()
export class JwtAuthenticator implements AccountAuthenticator {
  constructor(
    private readonly jwts: JwtTokens,
    private readonly sessions: SessionsReader,
    private readonly users: UsersReader,
    private readonly sessionSecret: SessionSecretAuthenticator,
  ) {}

  async authenticate(request: FastifyRequest): Promise<AccountPrincipal | undefined> {
    const header = request.headers['x-appwrite-jwt'];
    if (typeof header !== 'string' || header === '') return undefined;
    // Appwrite refuses a JWT next to a session that is valid (an invalid one is ignored).
    const session = await this.sessionSecret.authenticate(request).catch((error: unknown) => {
      if (error instanceof NoSessionError) return undefined;
      throw error;
    });
    if (session) throw new JwtAndCookieSetError();
    const claims = await this.jwts.verify(header);
    if (claims.sessionId) {
      const found = await this.sessions.findLiveById(claims.sessionId);
      if (!found || found.user.id !== claims.userId) throw new NoSessionError();
      return { user: found.user, session: found.session, via: 'jwt' };
    }
    const user = await this.users.findById(claims.userId);
    const binding = { incarnation: claims.userIncarnation, sessionEpoch: claims.userEpoch };
    if (!user || !credentialStands(user, binding)) throw new NoSessionError();
    return { user, via: 'jwt' };
  }
}
