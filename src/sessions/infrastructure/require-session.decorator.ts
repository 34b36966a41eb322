import { applyDecorators, UseGuards } from '@nestjs/common';
import { InvalidAccessTokenError } from '../../access-tokens';
import { RequireProject } from '../../auth';
import { ApiAppwriteErrors, when } from '../../common';
import { JwtAndCookieSetError, JwtInvalidError } from '../../jwt';
import { NoSessionError, UserBlockedError } from '../domain/session.errors';
import { AccountSessionGuard } from './account-session.guard';

/**
 * Account routes: the project header and a live session, sent as `X-Appwrite-Session` or as the
 * `a_session_<project>` cookie, or a JWT minted from one (`X-Appwrite-JWT`), or a personal access token
 * (`Authorization: Bearer pat_…`, extension). Applies the guard that checks the session and documents what it answers.
 */
export function RequireSession() {
  return applyDecorators(
    UseGuards(AccountSessionGuard),
    ApiAppwriteErrors(
      when(NoSessionError, 'No session, or an unknown, expired or revoked one'),
      when(UserBlockedError, "The session's user is blocked"),
      when(JwtInvalidError, 'An `X-Appwrite-JWT` that does not verify: signature, key or expiry'),
      when(JwtAndCookieSetError, 'An `X-Appwrite-JWT` sent with a valid session'),
      when(
        InvalidAccessTokenError,
        "A personal access token that is unknown, disabled, expired or deleted, or a deleted user's",
      ),
    ),
    RequireProject([
      { Project: [], Session: [] },
      { Project: [], SessionCookie: [] },
      { Project: [], JWT: [] },
      { Project: [], AccessToken: [] },
    ]),
  );
}
