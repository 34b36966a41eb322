import { createHash } from 'node:crypto';
import { PasswordHasher, StoredPassword } from './password-hasher';
import { safeEqual } from './safe-equal';

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
}
