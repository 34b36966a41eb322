import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time string equality. Both sides are first reduced to SHA-256 digests so the comparison always
 * runs over 32 bytes: `timingSafeEqual` needs equal lengths, and returning early on a length mismatch would
 * tell an attacker how long the stored value is.
 */
export function safeEqual(actual: string, expected: string): boolean {
  const a = createHash('sha256').update(actual, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  // The length check is redundant given the digests, but keeps a (theoretical) collision from passing.
  return timingSafeEqual(a, b) && actual.length === expected.length;
}
