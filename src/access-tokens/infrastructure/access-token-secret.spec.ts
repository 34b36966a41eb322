import { createHash } from 'node:crypto';
import { generateAccessTokenSecret, hashAccessTokenSecret } from './access-token-secret';

describe('access token secrets', () => {
  it('are pat_ and 256 random bits in base64url, and stored as their SHA-256 (hex)', () => {
    const secrets = new Set(Array.from({ length: 100 }, generateAccessTokenSecret));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) {
      expect(secret).toMatch(/^pat_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret.slice(4), 'base64url')).toHaveLength(32);
    }
    expect(hashAccessTokenSecret('pat_x')).toBe(createHash('sha256').update('pat_x').digest('hex'));
  });
});
