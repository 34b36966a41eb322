import { createParamDecorator, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { mayAuthenticate, mfaSatisfied, UserAccessRecorder } from '../../users';
import { MoreFactorsRequiredError, NoSessionError, UserBlockedError } from '../domain/session.errors';
import { ACCOUNT_AUTHENTICATORS, AccountAuthenticator, AccountPrincipal } from './account-principal';
import { Impersonation } from './impersonation';

export type { AccountPrincipal } from './account-principal';
export { sessionCookieName } from './session-secret.authenticator';

/** Kept for the routes written before other credentials existed: a principal is what they get. */
export type AccountSession = AccountPrincipal;

/**
 * Resolves who an account request acts for: the first authenticator whose credential the request carries
 * decides (none: "no session"), then users' access policy applies, once, whatever the credential.
 */
@Injectable()
export class AccountSessionResolver {
  constructor(
    @Inject(ACCOUNT_AUTHENTICATORS) private readonly authenticators: readonly AccountAuthenticator[],
    private readonly access: UserAccessRecorder,
    private readonly impersonation: Impersonation,
  ) {}

  /**
   * `allowIncompleteMfa`: the route is one a session may call before its MFA challenge (Appwrite's `mfa`
   * group: the MFA routes themselves, logging out).
   */
  async resolve(
    request: FastifyRequest,
    { allowIncompleteMfa = false }: { allowIncompleteMfa?: boolean } = {},
  ): Promise<AccountPrincipal> {
    let principal: AccountPrincipal | undefined;
    for (const authenticator of this.authenticators) {
      principal = await authenticator.authenticate(request);
      if (principal) break;
    }
    if (!principal) throw new NoSessionError();
    if (!mayAuthenticate(principal.user).allowed) throw new UserBlockedError();
    // Users' MFA rule, on the session the credential stands on (a JWT inherits its session's factors; a
    // credential of no session, such as a personal access token, was issued with an API key).
    if (!allowIncompleteMfa && principal.session && !mfaSatisfied(principal.user, sessionFactors(principal)))
      throw new MoreFactorsRequiredError();
    // Appwrite's accessedAt: queued, never awaited (users decide when it is due).
    this.access.record(principal.user);
    // Last: every check above is of the caller's own credential; the impersonation step checks the target.
    return this.impersonation.resolve(request, principal);
  }
}

/** The factors the principal's session has proved. */
export function sessionFactors(principal: AccountPrincipal): string[] {
  return principal.session ? (JSON.parse(principal.session.factors) as string[]) : [];
}

/** Injects the resolved principal; the controller must be guarded by `AccountSessionGuard`. */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): AccountPrincipal => {
  return ctx.switchToHttp().getRequest<FastifyRequest & { accountSession: AccountPrincipal }>()
    .accountSession;
});
