import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe, so it fits a header and a cookie unchanged. */
export function generateSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up: a secret of 256 random bits needs no slow hash, SHA-256 suffices. */
export function hashSessionSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
