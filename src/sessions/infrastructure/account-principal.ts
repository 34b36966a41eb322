import type { FastifyRequest } from 'fastify';
import type { UserView } from '../../users';
import type { SessionRow } from './session.row';

/** Who an account route acts for, and how the request proved it. */
export interface AccountPrincipal {
  user: UserView;
  /**
   * The session the request stands on: the one whose secret it sent, or the one a JWT was minted from.
   * Absent for credentials that belong to no session (a personal access token).
   */
  session?: SessionRow;
  via: 'session' | 'jwt' | 'access-token';
  /**
   * The user whose credential the request carries, when it acts as `user` through the impersonation headers
   * (see `Impersonation`); `session` is then absent, as none of `user`'s sessions is the request's.
   */
  impersonator?: UserView;
}

/**
 * One way to authenticate an account request (a session secret, a JWT, a personal access token…). Answers
 * `undefined` when the request does not carry its credential, so the next one is tried; throws an Appwrite
 * error when it carries one that is invalid. The resolver then applies users' access policy once, for all.
 */
export interface AccountAuthenticator {
  authenticate(request: FastifyRequest): Promise<AccountPrincipal | undefined>;
}

/** The authenticators, in the order they are tried (see sessions.module.ts). */
export const ACCOUNT_AUTHENTICATORS = Symbol('ACCOUNT_AUTHENTICATORS');

/** Metadata of the routes a session that still lacks its second factor may call (Appwrite's `mfa` group). */
export const INCOMPLETE_MFA_ALLOWED = 'account:incomplete-mfa-allowed';

/** Metadata of Appwrite's `mfaProtected` routes: the session must have completed a challenge recently. */
export const RECENT_CHALLENGE_REQUIRED = 'account:recent-challenge-required';
