import { scrypt } from 'node:crypto';
import { PasswordHasher, StoredPassword } from './password-hasher';
import { safeEqual } from './safe-equal';
import { readScryptOptions, validateScryptOptions } from './scrypt-options';

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
export class ScryptHasher implements PasswordHasher {
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
}
