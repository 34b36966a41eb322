import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccessTokenAuthentication } from '../../access-tokens';
import type { AccountAuthenticator, AccountPrincipal } from './account-principal';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * A personal access token in `Authorization: Bearer pat_…`. A bearer credential without the `pat_` prefix is
 * not this authenticator's (undefined: the next one is tried, then "no session"). The principal has no
 * session: routes about "the current session" answer as they do for a JWT made without one.
 */
@Injectable()
export class AccessTokenAuthenticator implements AccountAuthenticator {
  constructor(private readonly tokens: AccessTokenAuthentication) {}

  async authenticate(request: FastifyRequest): Promise<AccountPrincipal | undefined> {
    const header = request.headers.authorization;
    const secret = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (!secret || !AccessTokenAuthentication.isAccessToken(secret)) return undefined;
    return { user: await this.tokens.authenticate(secret), via: 'access-token' };
  }
}
