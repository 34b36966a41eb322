import { AppwriteError } from '@libs/http';

export class IdentityNotFoundError extends AppwriteError {
  constructor() {
    super(
      404,
      'user_identity_not_found',
      'The identity could not be found. Please sign in with OAuth provider to create identity first.',
    );
  }
}

/**
 * Appwrite has no type for this (identities are only created by its OAuth flow), so the name follows its
 * `user_target_already_exists` pattern.
 */
export class IdentityAlreadyExistsError extends AppwriteError {
  constructor() {
    super(
      409,
      'user_identity_already_exists',
      'An identity with the same ID, or with the same provider and provider UID, already exists.',
    );
  }
}
