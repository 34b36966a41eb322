import { Inject, Injectable } from '@nestjs/common';
import { parseCookie } from 'cookie';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config';
import { NoSessionError } from '../domain/session.errors';
import type { AccountAuthenticator, AccountPrincipal } from './account-principal';
import { hashSessionSecret } from './session-secret';
import { SessionsReader } from './sessions.reader';

/** The cookie Appwrite's web SDKs send; server callers use the `X-Appwrite-Session` header. */
export function sessionCookieName(projectId: string): string {
  return `a_session_${projectId.toLowerCase()}`;
}

// jshttp's parser keeps a value it cannot percent-decode as written, so a malformed cookie is a secret that
// matches no session (401) rather than a thrown URIError (500).
function cookieValue(header: string | undefined, name: string): string | undefined {
  return header ? parseCookie(header)[name] : undefined;
}

/**
 * A session secret in `X-Appwrite-Session` or the project's cookie. Unknown, expired or revoked secrets, and
 * sessions of a deleted, re-created or since blocked user or from before its last password change, are all
 * "no session" (the join in `findLiveBySecretHash` decides, without any worker).
 */
@Injectable()
export class SessionSecretAuthenticator implements AccountAuthenticator {
  constructor(
    private readonly reader: SessionsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authenticate(request: FastifyRequest): Promise<AccountPrincipal | undefined> {
    const header = request.headers['x-appwrite-session'];
    const secret =
      (typeof header === 'string' && header) ||
      cookieValue(request.headers.cookie, sessionCookieName(this.config.PROJECT_ID));
    if (!secret) return undefined;
    if (secret.length > 512) throw new NoSessionError();
    const found = await this.reader.findLiveBySecretHash(hashSessionSecret(secret));
    if (!found) throw new NoSessionError();
    return { user: found.user, session: found.session, via: 'session' };
  }
}
