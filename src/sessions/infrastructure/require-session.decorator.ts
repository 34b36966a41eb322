import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { RequireProject } from '../../auth';
import { ApiAppwriteErrors, when } from '../../common';
import { JwtAndCookieSetError, JwtInvalidError } from '../../jwt';
import {
  ChallengeRequiredError,
  MoreFactorsRequiredError,
  NoSessionError,
  UserBlockedError,
} from '../domain/session.errors';
import { INCOMPLETE_MFA_ALLOWED, RECENT_CHALLENGE_REQUIRED } from './account-principal';
import { AccountSessionGuard } from './account-session.guard';

/**
 * Account routes: the project header and a live session, sent as `X-Appwrite-Session` or as the
 * `a_session_<project>` cookie, or a JWT minted from one (`X-Appwrite-JWT`). Applies the guard that checks the session and documents what it answers.
 */
export function RequireSession(options: { allowIncompleteMfa?: boolean; recentChallenge?: boolean } = {}) {
  return applyDecorators(
    SetMetadata(INCOMPLETE_MFA_ALLOWED, options.allowIncompleteMfa === true),
    SetMetadata(RECENT_CHALLENGE_REQUIRED, options.recentChallenge === true),
    UseGuards(AccountSessionGuard),
    ApiAppwriteErrors(
      when(NoSessionError, 'No session, or an unknown, expired or revoked one'),
      when(UserBlockedError, "The session's user is blocked"),
      ...(options.allowIncompleteMfa
        ? []
        : [when(MoreFactorsRequiredError, 'MFA is on and the session has not completed a challenge yet')]),
      ...(options.recentChallenge
        ? [
            when(
              ChallengeRequiredError,
              'The session has not completed an MFA challenge in the last 30 minutes',
            ),
          ]
        : []),
      when(JwtInvalidError, 'An `X-Appwrite-JWT` that does not verify: signature, key or expiry'),
      when(JwtAndCookieSetError, 'An `X-Appwrite-JWT` sent with a valid session'),
    ),
    RequireProject([
      { Project: [], Session: [] },
      { Project: [], SessionCookie: [] },
      { Project: [], JWT: [] },
    ]),
  );
}
