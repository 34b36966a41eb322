import { createHash, randomBytes } from 'node:crypto';

/** Appwrite's key format: `standard_<secret>`; the secret is 256 random bits in hex. */
export function generateApiKeySecret(): string {
  return `standard_${randomBytes(32).toString('hex')}`;
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
