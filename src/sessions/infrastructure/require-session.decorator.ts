import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { InvalidAccessTokenError } from '../../access-tokens';
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

/** Appwrite 1.9.5's impersonation headers, honoured for a user whose `impersonator` flag is set (see `Impersonation`). */
const IMPERSONATION_HEADERS = [
  ['X-Appwrite-Impersonate-User-Id', 'the id'],
  ['X-Appwrite-Impersonate-User-Email', 'the email (any case), when no id is sent'],
  ['X-Appwrite-Impersonate-User-Phone', 'the phone, when neither id nor email is sent'],
].map(([name, by]) =>
  ApiHeader({
    name,
    required: false,
    description:
      `Impersonation: act as the user with ${by}. Only for a session (or a JWT minted from one) of a user ` +
      'whose `impersonator` flag is set; ignored otherwise, and when it names no user (the request then acts ' +
      'as the caller). Changes record the impersonator beside the user (`impersonatorId`).',
  }),
);

/**
 * Account routes: the project header and a live session, sent as `X-Appwrite-Session` or as the
 * `a_session_<project>` cookie, or a JWT minted from one (`X-Appwrite-JWT`), or a personal access token
 * (`Authorization: Bearer pat_…`, extension). Applies the guard that checks the session and documents what it answers.
 */
export function RequireSession(options: { allowIncompleteMfa?: boolean; recentChallenge?: boolean } = {}) {
  return applyDecorators(
    SetMetadata(INCOMPLETE_MFA_ALLOWED, options.allowIncompleteMfa === true),
    SetMetadata(RECENT_CHALLENGE_REQUIRED, options.recentChallenge === true),
    UseGuards(AccountSessionGuard),
    ApiAppwriteErrors(
      when(NoSessionError, 'No session, or an unknown, expired or revoked one'),
      when(UserBlockedError, "The session's user, or the user it impersonates, is blocked"),
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
      when(
        InvalidAccessTokenError,
        "A personal access token that is unknown, disabled, expired or deleted, or a deleted user's",
      ),
    ),
    ...IMPERSONATION_HEADERS,
    RequireProject([
      { Project: [], Session: [] },
      { Project: [], SessionCookie: [] },
      { Project: [], JWT: [] },
      { Project: [], AccessToken: [] },
    ]),
  );
}
