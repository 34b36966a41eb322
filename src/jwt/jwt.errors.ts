import { AppwriteError } from '@libs/http';

/** A JWT that does not verify: bad signature, unknown key, expired, malformed (Appwrite's message prefix). */
export class JwtInvalidError extends AppwriteError {
  constructor(reason = 'Invalid JWT') {
    super(401, 'user_jwt_invalid', `Failed to verify JWT. ${reason}`);
  }
}

/** Appwrite refuses a request that authenticates both ways at once. */
export class JwtAndCookieSetError extends AppwriteError {
  constructor() {
    super(
      403,
      'user_jwt_and_cookie_set',
      'JWT and cookie used in the same request. Use either `setJWT` or `setCookie`.',
    );
  }
}
