import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Appwrite's key format: `standard_<secret>`; the secret is 256 random bits in hex. */
export function generateApiKeySecret(): string {
  return `standard_${randomBytes(32).toString('hex')}`;
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison for the bootstrap key, which is compared rather than looked up. */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
