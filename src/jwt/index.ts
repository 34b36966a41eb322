/** The JWT module's public surface: other modules import this file, nothing deeper. */
export { JwtModule } from './jwt.module';
export { JwtTokens } from './jwt-tokens';
export type { JwtClaims } from './jwt-tokens';
export { JwtAndCookieSetError, JwtInvalidError } from './jwt.errors';
export { MAX_JWT_DURATION_SECONDS, rewrapJwtKeys, rotateJwtKeys } from './jwt-keys';
export type { RotationResult } from './jwt-keys';
