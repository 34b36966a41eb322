import { scrypt } from 'node:crypto';
import { InvalidHashError } from './hash.errors';
import { PasswordHasher, StoredPassword } from './password-hasher';
import { safeEqual } from './safe-equal';
import { readScryptOptions, ScryptOptions, validateScryptOptions } from './scrypt-options';

const HEX = /^[0-9a-fA-F]+$/;

/**
 * scrypt with caller-chosen parameters on node:crypto's libuv pool. `maxmem` is lifted above
 * 128·N·r·p·2 because node's 32 MiB default rejects parameters that Appwrite accepts.
 */
export function scryptAsync(
  plain: string | Buffer,
  salt: string | Buffer,
  n: number,
  r: number,
  p: number,
  length: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain, salt, length, { N: n, r, p, maxmem: 128 * n * r * p * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * Appwrite's `scrypt` import (php-scrypt): lower-case hex of scrypt(password, salt, N=costCpu,
 * r=costMemory, p=costParallel, dkLen=length), where the salt is the option string's UTF-8 bytes
 * exactly as imported — it is not base64-decoded, unlike Firebase's `scryptMod`.
 */
export class ScryptHasher implements PasswordHasher<ScryptOptions> {
  readonly algorithm = 'scrypt' as const;

  async verify(plain: string, stored: StoredPassword): Promise<boolean> {
    const o = readScryptOptions(stored.options);
    // A hash of the wrong size can never match: skip the (deliberately expensive) derivation.
    if (validateScryptOptions(o) !== null || typeof stored.hash !== 'string') return false;
    if (stored.hash.length !== 2 * o.length) return false;
    try {
      const key = await scryptAsync(plain, o.salt, o.costCpu, o.costMemory, o.costParallel, o.length);
      return safeEqual(key.toString('hex'), stored.hash);
    } catch {
      return false;
    }
  }

  /**
   * An imported hex hash of `given.length` bytes, stored lower-cased as {@link verify} compares it; the
   * parameters are checked first (the hash string carries none of them).
   */
  describe(hash: string, given: ScryptOptions): StoredPassword {
    const problem = validateScryptOptions(given);
    // Each message starts with the import parameter it is about.
    if (problem) throw new InvalidHashError(problem.split(' ')[0], problem);
    const hexLength = given.length * 2;
    if (hash.length !== hexLength || !HEX.test(hash)) {
      throw new InvalidHashError(
        'password',
        `Value must be ${hexLength} hexadecimal characters (passwordLength bytes)`,
      );
    }
    const { salt, costCpu, costMemory, costParallel, length } = given;
    return {
      hash: hash.toLowerCase(),
      algorithm: 'scrypt',
      options: { type: 'scrypt', salt, costCpu, costMemory, costParallel, length },
    };
  }
}
