import { createParamDecorator, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { parseCookie } from 'cookie';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config';
import type { UserView } from '../../users';
import { NoSessionError, UserBlockedError } from '../domain/session.errors';
import { hashSessionSecret } from './session-secret';
import type { SessionRow } from './session.row';
import { SessionsReader } from './sessions.reader';

export interface AccountSession {
  session: SessionRow;
  user: UserView;
}

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
 * Resolves the request's session: unknown, expired or revoked secrets, and sessions of deleted users or from
 * before the last password change, are all "no session"; a blocked user's session is `user_blocked`.
 */
@Injectable()
export class AccountSessionResolver {
  constructor(
    private readonly reader: SessionsReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(request: FastifyRequest): Promise<AccountSession> {
    const header = request.headers['x-appwrite-session'];
    const secret =
      (typeof header === 'string' && header) ||
      cookieValue(request.headers.cookie, sessionCookieName(this.config.PROJECT_ID));
    if (!secret || secret.length > 512) throw new NoSessionError();
    const found = await this.reader.findLiveBySecretHash(hashSessionSecret(secret));
    if (!found) throw new NoSessionError();
    if (found.blocked) throw new UserBlockedError();
    return { session: found.session, user: found.user };
  }
}

/** Injects the resolved session; the controller must be guarded by `AccountSessionGuard`. */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): AccountSession => {
  return ctx.switchToHttp().getRequest<FastifyRequest & { accountSession: AccountSession }>().accountSession;
});
