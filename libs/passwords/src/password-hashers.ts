import { Argon2Hasher } from './argon2.hasher';
import { BcryptHasher, isBcryptHash } from './bcrypt.hasher';
import { Md5Hasher } from './md5.hasher';
import { LegacyHashWrapper, wrappedLegacyHash } from './legacy-wrap';
import { HashAlgorithm, PasswordHasher, StoredPassword } from './password-hasher';
import { PhpassHasher } from './phpass.hasher';
import { ScryptModifiedHasher } from './scrypt-modified.hasher';
import { ScryptHasher } from './scrypt.hasher';
import { ShaHasher } from './sha.hasher';

export { SHA_VERSIONS, validateShaVersion } from './sha.hasher';
export { validateScryptModifiedOptions, validateScryptOptions } from './scrypt-options';

/**
 * Every algorithm a user's `hash` field can name, behind one `verify`. New and changed passwords are
 * always argon2id ({@link hash}); anything else verified successfully should be re-hashed
 * ({@link needsRehash}), as Appwrite does at login.
 */
export class PasswordHashers {
  private readonly bcrypt: BcryptHasher;
  private readonly byAlgorithm: ReadonlyMap<string, PasswordHasher>;
  private readonly wrapper: LegacyHashWrapper;

  constructor(private readonly argon2: Argon2Hasher) {
    this.bcrypt = new BcryptHasher();
    const md5 = new Md5Hasher();
    const sha = new ShaHasher();
    const phpass = new PhpassHasher(this.bcrypt);
    const hashers: PasswordHasher[] = [md5, sha, phpass, new ScryptHasher(), new ScryptModifiedHasher()];
    this.byAlgorithm = new Map(hashers.map((h) => [h.algorithm, h]));
    this.wrapper = new LegacyHashWrapper(argon2, md5, sha, phpass);
  }

  /** Hashes a new password with the current argon2id parameters. */
  hash(plain: string): Promise<StoredPassword> {
    return this.argon2.hash(plain);
  }

  /** True when `plain` matches; an unknown algorithm or a malformed hash or options is false, never a throw. */
  async verify(plain: string, stored: StoredPassword): Promise<boolean> {
    if (typeof plain !== 'string' || typeof stored?.hash !== 'string') return false;
    const hasher = wrappedLegacyHash(stored) ? this.wrapper : this.hasherFor(stored.algorithm, stored.hash);
    if (!hasher) return false;
    try {
      return await hasher.verify(plain, stored);
    } catch {
      return false;
    }
  }

  /** True unless `stored` is already a plain argon2id hash at the current parameters. */
  needsRehash(stored: StoredPassword): boolean {
    return !this.argon2.isCurrent(stored) || wrappedLegacyHash(stored) !== undefined;
  }

  /** A fast legacy hash that {@link wrap} accepts (see {@link LegacyHashWrapper}). */
  canWrap(stored: StoredPassword): boolean {
    return this.wrapper.canWrap(stored);
  }

  /** argon2id at the current parameters over the legacy hash, without the password. */
  wrap(stored: StoredPassword): Promise<StoredPassword> {
    return this.wrapper.wrap(stored);
  }

  private hasherFor(algorithm: HashAlgorithm, hash: string): PasswordHasher | undefined {
    if (algorithm === 'argon2' || algorithm === 'bcrypt') {
      // Both go through PHP's password_verify on Appwrite, which reads the format from the hash itself:
      // a bcrypt string imported through /users/argon2 (or the reverse) still logs in there.
      if (hash.startsWith('$argon2')) return this.argon2;
      return isBcryptHash(hash) ? this.bcrypt : undefined;
    }
    return this.byAlgorithm.get(algorithm);
  }
}
