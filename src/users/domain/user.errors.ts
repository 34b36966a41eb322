import { AppwriteError } from '@libs/http';

export class UserNotFoundError extends AppwriteError {
  constructor() {
    super(404, 'user_not_found', 'User with the requested ID could not be found.');
  }
}

export class UserAlreadyExistsError extends AppwriteError {
  constructor() {
    super(
      409,
      'user_already_exists',
      'A user with the same id, email, or phone already exists in this project.',
    );
  }
}

/**
 * Appwrite 1.9.5 answers an email or phone update that takes another user's address with this type: the
 * address is found as someone's messaging target before the users table is touched.
 */
export class UserTargetAlreadyExistsError extends AppwriteError {
  constructor() {
    super(409, 'user_target_already_exists', 'A target with the same ID already exists.');
  }
}
