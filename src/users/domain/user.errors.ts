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

export class UserEmailAlreadyExistsError extends AppwriteError {
  constructor() {
    super(
      409,
      'user_email_already_exists',
      'A user with the same email already exists in the current project.',
    );
  }
}

export class UserPhoneAlreadyExistsError extends AppwriteError {
  constructor() {
    super(
      409,
      'user_phone_already_exists',
      'A user with the same phone number already exists in the current project.',
    );
  }
}
