import { createHash } from 'node:crypto';
import { InvalidHashError } from './hash.errors';
import { PasswordHasher, StoredPassword } from './password-hasher';
import { safeEqual } from './safe-equal';

const HEX_MD5 = /^[0-9a-fA-F]{32}$/;

/**
 * Unsalted MD5, as Appwrite's import accepts it: lower-case hex of MD5 over the UTF-8 password, compared
 * case-sensitively (an upper-case hex import never verifies on Appwrite either).
 */
export class Md5Hasher implements PasswordHasher {
  readonly algorithm = 'md5' as const;

  async verify(plain: string, stored: StoredPassword): Promise<boolean> {
    if (typeof stored.hash !== 'string') return false;
    return safeEqual(await this.digest(plain), stored.hash);
  }

  /** The hash as it is stored; also what a wrapped MD5 hash feeds to argon2id. */
  async digest(plain: string): Promise<string> {
    return createHash('md5').update(plain, 'utf8').digest('hex');
  }

  /** An imported hex digest in either case, stored lower-cased as {@link digest} writes it. */
  describe(hash: string): StoredPassword {
    if (!HEX_MD5.test(hash))
      throw new InvalidHashError('password', 'Value must be 32 hexadecimal characters');
    return { hash: hash.toLowerCase(), algorithm: 'md5', options: { type: 'md5' } };
  }
}
