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

/**
 * Extension. A user id that names a collection route under `/v1/users` (`GET /v1/users/count` would never reach
 * the user). Appwrite's type for an invalid param, so clients handle it like any other refused `userId`.
 */
export class UserIdReservedError extends AppwriteError {
  constructor(userId: string) {
    super(
      400,
      'general_argument_invalid',
      `Invalid \`userId\` param: "${userId}" is reserved for the route /v1/users/${userId}; choose another id.`,
    );
  }
}

export class UserTargetNotFoundError extends AppwriteError {
  constructor() {
    super(404, 'user_target_not_found', 'The target could not be found.');
  }
}

/**
 * This service has no messaging providers, so no `providerId` names one: Appwrite's answer for a provider id
 * it cannot find, with a message that says why.
 */
export class ProviderNotFoundError extends AppwriteError {
  constructor() {
    super(
      404,
      'provider_not_found',
      'Provider with the requested ID could not be found. This service has no messaging providers: leave `providerId` empty.',
    );
  }
}

export class InvalidEmailError extends AppwriteError {
  constructor() {
    super(400, 'general_invalid_email', 'Value must be a valid email address.');
  }
}

export class InvalidPhoneError extends AppwriteError {
  constructor() {
    super(
      400,
      'general_invalid_phone',
      "Value must be a valid phone number. Format this number with a leading '+' and a country code, e.g., +16175551212.",
    );
  }
}

export class UserAuthenticatorNotFoundError extends AppwriteError {
  constructor() {
    super(404, 'user_authenticator_not_found', 'Authenticator could not be found on the current user.');
  }
}

export class UserAuthenticatorAlreadyVerifiedError extends AppwriteError {
  constructor() {
    super(
      409,
      'user_authenticator_already_verified',
      'This authenticator is already verified on the current user.',
    );
  }
}

/**
 * Also the answer to reading codes that exist: they are kept hashed, so they can be shown only once, by the
 * call that generates them (Appwrite's message for this type says as much).
 */
export class UserRecoveryCodesAlreadyExistsError extends AppwriteError {
  constructor() {
    super(
      409,
      'user_recovery_codes_already_exists',
      'The current user already generated recovery codes and they can only be read once for security reasons.',
    );
  }
}

export class UserRecoveryCodesNotFoundError extends AppwriteError {
  constructor() {
    super(404, 'user_recovery_codes_not_found', 'Recovery codes could not be found on the current user.');
  }
}

/** A wrong TOTP or recovery code (Appwrite's answer to any code that does not verify). */
export class UserInvalidTokenError extends AppwriteError {
  constructor() {
    super(401, 'user_invalid_token', 'Invalid token passed in the request.');
  }
}
