import { AppwriteError } from '@libs/http';

/**
 * Appwrite has no personal access tokens; the name follows its sub-resource pattern (`user_session_not_found`,
 * `user_identity_not_found`, `user_target_not_found`). Also what a token of another user, or of an earlier
 * user of the same id, answers.
 */
export class AccessTokenNotFoundError extends AppwriteError {
  constructor() {
    super(404, 'user_access_token_not_found', 'The personal access token could not be found.');
  }
}

/**
 * A bearer token that is unknown, disabled, expired, deleted, or belongs to a deleted user: Appwrite's type and
 * message for an invalid token.
 */
export class InvalidAccessTokenError extends AppwriteError {
  constructor() {
    super(401, 'user_invalid_token', 'Invalid token passed in the request.');
  }
}

/** A user holds at most ACCESS_TOKENS_PER_USER tokens (disabled and expired ones count until deleted). */
export class AccessTokenLimitExceededError extends AppwriteError {
  constructor(limit: number) {
    super(
      400,
      'user_access_token_limit_exceeded',
      `The user already has the maximum of ${limit} personal access tokens. Delete one before creating another.`,
    );
  }
}
