import { createHash, randomBytes } from 'node:crypto';

/** Recognisable in logs, config files and secret scanners (as GitHub's `ghp_` and Slack's `xoxp-`). */
export const ACCESS_TOKEN_PREFIX = 'pat_';

/** `pat_` and 256 random bits, URL-safe: fits an `Authorization` header unchanged. */
export function generateAccessTokenSecret(): string {
  return ACCESS_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** What is stored and looked up: a secret of 256 random bits needs no slow hash, SHA-256 suffices. */
export function hashAccessTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
