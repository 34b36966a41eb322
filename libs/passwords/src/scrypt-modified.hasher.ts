import { createCipheriv } from 'node:crypto';
import { InvalidHashError } from './hash.errors';
import { PasswordHasher, StoredPassword } from './password-hasher';
import { safeEqual } from './safe-equal';
import { scryptAsync } from './scrypt.hasher';
import { isBase64, ScryptModifiedOptions, validateScryptModifiedOptions } from './scrypt-options';

// Firebase's export (rounds=8, mem_cost=14) maps to these; Appwrite fixes them rather than reading options.
const N = 16384;
const R = 8;
const P = 1;

/**
 * Firebase's modified scrypt (Appwrite `scryptMod`): key = scrypt(password, b64(salt) ‖ b64(separator),
 * N=16384, r=8, p=1, 64 bytes)[0:32]; hash = base64(AES-256-CTR(key, IV = 16 zero bytes, b64(signerKey))).
 */
export class ScryptModifiedHasher implements PasswordHasher<ScryptModifiedOptions> {
  readonly algorithm = 'scryptMod' as const;

  async verify(plain: string, stored: StoredPassword): Promise<boolean> {
    // Stored JSON is untrusted: the validator checks that each field really is a base64 string.
    const { salt, saltSeparator, signerKey } = stored.options ?? {};
    const o = { salt, saltSeparator, signerKey } as ScryptModifiedOptions;
    if (typeof stored.hash !== 'string' || stored.hash === '') return false;
    if (validateScryptModifiedOptions(o) !== null) return false;
    try {
      const salt = Buffer.concat([b64(o.salt), b64(o.saltSeparator)]);
      const key = (await scryptAsync(plain, salt, N, R, P, 64)).subarray(0, 32);
      const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
      const signed = Buffer.concat([cipher.update(b64(o.signerKey)), cipher.final()]);
      return safeEqual(signed.toString('base64'), stored.hash);
    } catch {
      return false;
    }
  }

  /** An imported base64 hash with the three values Firebase exports beside it, checked first. */
  describe(hash: string, given: ScryptModifiedOptions): StoredPassword {
    const problem = validateScryptModifiedOptions(given);
    // Each message starts with the import parameter it is about.
    if (problem) throw new InvalidHashError(problem.split(' ')[0], problem);
    if (!isBase64(hash)) throw new InvalidHashError('password', 'Value must be base64');
    const { salt, saltSeparator, signerKey } = given;
    return { hash, algorithm: 'scryptMod', options: { type: 'scryptMod', salt, saltSeparator, signerKey } };
  }
}

function b64(value: string): Buffer {
  return Buffer.from(value, 'base64');
}
