import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * RFC 6238 TOTP with the parameters every authenticator app assumes (and Appwrite uses): SHA-1, 6 digits, 30 s.
 * One step either side is accepted, for clocks that drift.
 */
const PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
const WINDOW = 1;

/** A new shared secret: 160 random bits, base32 (RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI authenticator apps scan (as a QR code). */
export function totpUri(secret: string, label: string, issuer: string): string {
  return new TOTP({ ...PARAMS, issuer, label, secret: Secret.fromBase32(secret) }).toString();
}

/** Whether `code` is the secret's code at `now` (or one step either side). */
export function totpCodeMatches(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const totp = new TOTP({ ...PARAMS, secret: Secret.fromBase32(secret) });
  return totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW }) !== null;
}

/** The code at `now`: for tests and tools (the service itself only verifies). */
export function totpCodeAt(secret: string, now: Date): string {
  return new TOTP({ ...PARAMS, secret: Secret.fromBase32(secret) }).generate({ timestamp: now.getTime() });
}

/** Appwrite's recovery codes: 6 of 10 characters. */
export const RECOVERY_CODE_COUNT = 6;
const RECOVERY_CODE_LENGTH = 10;
/** Lower-case letters and digits without look-alikes (0/o, 1/l): 32 symbols, 50 bits per code. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: RECOVERY_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
}

/**
 * What is kept of a recovery code. SHA-256, not argon2: a code is 50 random bits (no dictionary to try, unlike
 * a password), guessing online is rate-limited by the lock-out, and the hashes themselves are sealed with the
 * user's data key in the events, so a slow hash would only slow every challenge down.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase()).digest('hex');
}
