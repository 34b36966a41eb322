import * as bcrypt from 'bcrypt';
import { InvalidHashError } from './hash.errors';
import { PasswordHasher, StoredPassword } from './password-hasher';

/** Appwrite records this cost in `hashOptions` for every bcrypt import, whatever the hash says. */
export const APPWRITE_BCRYPT_COST = 8;

const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

/** True when `hash` is a `$2a$`, `$2b$` or `$2y$` bcrypt string (the forms PHP's `password_verify` accepts). */
export function isBcryptHash(hash: string): boolean {
  return BCRYPT_HASH.test(hash);
}

/**
 * bcrypt through the native `bcrypt` package (libuv pool). Appwrite verifies with PHP's `password_verify`,
 * which takes `$2y$` — PHP's name for the corrected algorithm that OpenBSD later called `$2b$`. The native
 * package refuses `$2y$` (compare resolves false), so the prefix is rewritten: the bytes hashed are identical.
 */
export class BcryptHasher implements PasswordHasher {
  readonly algorithm = 'bcrypt' as const;

  /** @param cost work factor for {@link hash}; only tests and tools produce bcrypt hashes. */
  constructor(private readonly cost = APPWRITE_BCRYPT_COST) {}

  async hash(plain: string): Promise<StoredPassword> {
    const hash = await bcrypt.hash(plain, this.cost);
    return { hash, algorithm: 'bcrypt', options: { type: 'bcrypt', cost: this.cost } };
  }

  async verify(plain: string, stored: StoredPassword): Promise<boolean> {
    if (typeof stored.hash !== 'string' || !isBcryptHash(stored.hash)) return false;
    const hash = stored.hash.startsWith('$2y$') ? `$2b$${stored.hash.slice(4)}` : stored.hash;
    try {
      return await bcrypt.compare(plain, hash);
    } catch {
      // A corrupt imported hash is a failed login, not a server error.
      return false;
    }
  }

  /**
   * An imported `$2a$`, `$2b$` or `$2y$` hash, with the cost written in it as its options (Appwrite
   * records {@link APPWRITE_BCRYPT_COST} instead).
   */
  describe(hash: string): StoredPassword {
    if (!isBcryptHash(hash)) {
      throw new InvalidHashError(
        'password',
        'Value must be a bcrypt hash ($2a$, $2b$ or $2y$, 60 characters)',
      );
    }
    return { hash, algorithm: 'bcrypt', options: { type: 'bcrypt', cost: Number(hash.slice(4, 6)) } };
  }
}
