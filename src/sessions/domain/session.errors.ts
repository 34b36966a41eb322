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

/** 403 since Appwrite 1.9.0 (errors.php); 401 before, which SDKs asking for an older format still get. */
export class UserBlockedError extends AppwriteError {
  constructor() {
    super(403, 'user_blocked', 'The current user has been blocked.', { below: '1.9.0', status: 401 });
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

/**
 * The user is locked out (too many failed attempts, or an admin's lock): every login is refused until the lock
 * ends, whatever the password, so a lock cannot be used to test guesses. `retryAfterSeconds` goes out as
 * `Retry-After`.
 */
export class UserLockedError extends AppwriteError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'user_locked',
      `The user is locked after too many failed login attempts. Try again in ${retryAfterSeconds} seconds.`,
    );
  }

  /** The refusal of a lock that ends at `until`, seen at `now`. */
  static until(until: Date, now: Date): UserLockedError {
    return new UserLockedError(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));
  }
}

/** A token secret that is wrong, already used or expired, or a user that has none (Appwrite's one answer). */
export class InvalidTokenError extends AppwriteError {
  constructor() {
    super(401, 'user_invalid_token', 'Invalid token passed in the request.');
  }
}

/** Appwrite's answer on every route but the MFA ones while the session lacks its second factor. */
export class MoreFactorsRequiredError extends AppwriteError {
  constructor() {
    super(401, 'user_more_factors_required', 'More factors are required to complete the sign in process.');
  }
}

/** Appwrite's `mfaProtected` routes without a challenge completed in the last 30 minutes on this session. */
export class ChallengeRequiredError extends AppwriteError {
  constructor() {
    super(
      401,
      'user_challenge_required',
      'A recently successful challenge is required to complete this action. A challenge is considered recent for 30 minutes.',
    );
  }
}

/** Appwrite's answer to an email challenge without SMTP: this service sends no mail. */
export class SmtpDisabledError extends AppwriteError {
  constructor() {
    super(
      503,
      'general_smtp_disabled',
      'SMTP disabled: this service sends no email, so email challenges are unavailable.',
    );
  }
}

/** Appwrite's answer to a phone challenge without an SMS provider: this service sends no SMS. */
export class PhoneDisabledError extends AppwriteError {
  constructor() {
    super(
      503,
      'general_phone_disabled',
      'Phone provider not configured: this service sends no SMS, so phone challenges are unavailable.',
    );
  }
}
