import { hash as digest } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { BcryptHasher, isBcryptHash } from './bcrypt.hasher';
import { InvalidHashError } from './hash.errors';
import { PasswordHasher, StoredPassword } from './password-hasher';
import { safeEqual } from './safe-equal';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const PORTABLE_HASH = /^\$[PH]\$[./0-9A-Za-z]{31}$/;

/**
 * What Appwrite records as the `hashOptions` of every PHPass import. Verification never reads them: the
 * rounds and the salt are in the hash itself.
 */
export const APPWRITE_PHPASS_OPTIONS = {
  type: 'phpass',
  iteration_count_log2: 8,
  portable_hashes: false,
} as const;

/** True when `hash` has the shape of a portable (`$P$`, `$H$`) hash: 34 characters of phpass's alphabet. */
export function isPortablePhpassHash(hash: string): boolean {
  return PORTABLE_HASH.test(hash);
}

// 2^12 MD5 rounds take about 5 ms: the loop gives the event loop a turn that often, because a hostile
// import can ask for 2^30 rounds and would otherwise stall every other request for minutes.
const ROUNDS_PER_SLICE = 1 << 12;

/** phpass's own base64: little-endian 6-bit groups over `./0-9A-Za-z`; 16 bytes → 22 characters. */
export function phpassBase64(input: Buffer): string {
  let out = '';
  for (let i = 0; i < input.length; i += 3) {
    const value = input[i] | ((input[i + 1] ?? 0) << 8) | ((input[i + 2] ?? 0) << 16);
    const chars = Math.min(4, Math.ceil(((input.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ITOA64[(value >> (6 * c)) & 0x3f];
  }
  return out;
}

async function portableDigest(password: Buffer, salt: Buffer, rounds: number): Promise<Buffer> {
  // One reusable buffer laid out as md5 ‖ password: each round only overwrites the first 16 bytes.
  const block = Buffer.alloc(16 + password.length);
  password.copy(block, 16);
  let h = digest('md5', Buffer.concat([salt, password]), 'buffer');
  for (let i = 1; i <= rounds; i++) {
    h.copy(block, 0);
    h = digest('md5', block, 'buffer');
    if (i % ROUNDS_PER_SLICE === 0 && i < rounds) await setImmediate();
  }
  return h;
}

/**
 * PHPass (WordPress `$P$`, phpBB3 `$H$`) portable hashes: 2^n rounds of MD5(h ‖ password) over an
 * 8-character salt, with n coded by the fourth character (7…30). Like PHPass, any other stored value goes
 * to `crypt()`; of crypt's formats only bcrypt is supported, everything else fails verification.
 */
export class PhpassHasher implements PasswordHasher {
  readonly algorithm = 'phpass' as const;

  constructor(private readonly bcrypt = new BcryptHasher()) {}

  async verify(plain: string, stored: StoredPassword): Promise<boolean> {
    if (typeof stored.hash !== 'string') return false;
    if (isBcryptHash(stored.hash)) return this.bcrypt.verify(plain, { ...stored, algorithm: 'bcrypt' });
    const expected = await this.digest(plain, stored);
    return expected !== undefined && safeEqual(expected, Buffer.from(stored.hash, 'utf8').toString('latin1'));
  }

  /**
   * The portable hash of `plain` with the setting (`$P$`, rounds, salt: the first 12 characters) of
   * `stored.hash`; undefined when that is no portable setting. Also what a wrapped PHPass hash feeds to argon2id.
   */
  async digest(plain: string, stored: Pick<StoredPassword, 'hash'>): Promise<string | undefined> {
    // PHPass works on bytes; slicing the UTF-8 encoding keeps non-ASCII junk from matching by accident.
    const setting = Buffer.from(stored.hash, 'utf8');
    const id = setting.subarray(0, 3).toString('latin1');
    if (id !== '$P$' && id !== '$H$') return undefined;
    const log2 = ITOA64.indexOf(String.fromCharCode(setting[3] ?? 0));
    const salt = setting.subarray(4, 12);
    if (log2 < 7 || log2 > 30 || salt.length !== 8) return undefined;
    const h = await portableDigest(Buffer.from(plain, 'utf8'), salt, 2 ** log2);
    return setting.subarray(0, 12).toString('latin1') + phpassBase64(h);
  }

  /** An imported portable hash, or a bcrypt hash (which PHPass hands to `crypt()`), stored as given. */
  describe(hash: string): StoredPassword {
    if (!isBcryptHash(hash) && !isPortablePhpassHash(hash)) {
      throw new InvalidHashError(
        'password',
        'Value must be a phpass portable hash ($P$ or $H$, 34 characters) or a bcrypt hash',
      );
    }
    return { hash, algorithm: 'phpass', options: { ...APPWRITE_PHPASS_OPTIONS } };
  }
}
