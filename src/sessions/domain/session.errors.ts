import { AppwriteError } from '@libs/http';

export class SessionNotFoundError extends AppwriteError {
  constructor() {
    super(404, 'user_session_not_found', 'The current user session could not be found.');
  }
}

export class InvalidCredentialsError extends AppwriteError {
  constructor() {
    super(401, 'user_invalid_credentials', 'Invalid credentials. Please check the email and password.');
  }
}

export class UserBlockedError extends AppwriteError {
  constructor() {
    super(401, 'user_blocked', 'The current user has been blocked.');
  }
}

/** No usable session: Appwrite answers a guest calling an account route this way. */
export class NoSessionError extends AppwriteError {
  constructor() {
    super(401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["account"])');
  }
}

/** `retryAfterSeconds` also goes out as the `Retry-After` header. */
export class TooManyAttemptsError extends AppwriteError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'general_rate_limit_exceeded',
      `Too many failed login attempts. Try again in ${retryAfterSeconds} seconds.`,
    );
  }
}

/** An extension's own type: Appwrite has no sweeps. */
export class SessionSweepNotFoundError extends AppwriteError {
  constructor() {
    super(404, 'session_sweep_not_found', 'No session sweep with the requested ID could be found.');
  }
}
