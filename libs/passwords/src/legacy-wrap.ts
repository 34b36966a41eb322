import { Argon2Hasher } from './argon2.hasher';
import { Md5Hasher } from './md5.hasher';
import { HashAlgorithm, StoredPassword } from './password-hasher';
import { isPortablePhpassHash, PhpassHasher } from './phpass.hasher';
import { ShaHasher } from './sha.hasher';

/** What `hashOptions.wrapped` of a wrapped hash records: the legacy hash's own algorithm and options. */
export interface WrappedLegacyHash {
  hash: HashAlgorithm;
  hashOptions: Record<string, unknown>;
  /** PHPass only: `$P$`, the rounds and the salt (the first 12 characters of the legacy hash). */
  setting?: string;
}

/** The legacy hash a wrapped hash was made from, or undefined for any other hash. */
export function wrappedLegacyHash(stored: StoredPassword): WrappedLegacyHash | undefined {
  const wrapped = stored.algorithm === 'argon2' ? stored.options?.wrapped : undefined;
  if (typeof wrapped !== 'object' || wrapped === null) return undefined;
  const { hash, hashOptions, setting } = wrapped as Record<string, unknown>;
  if (typeof hash !== 'string' || typeof hashOptions !== 'object' || hashOptions === null) return undefined;
  return {
    hash: hash as HashAlgorithm,
    hashOptions: hashOptions as Record<string, unknown>,
    ...(typeof setting === 'string' ? { setting } : {}),
  };
}

/**
 * Wraps fast legacy hashes (unsalted MD5 and SHA, PHPass portable) in argon2id without the password:
 * stored = argon2id(legacy hash), so a stolen table costs argon2 work per guess and a failed login costs what
 * the decoy costs, before the user ever logs in again. Verification recomputes the legacy hash of the
 * password and checks that against argon2id; the legacy hash itself is no password (sending it fails).
 *
 * The result is an Appwrite-shaped argon2 hash (`hash: 'argon2'`, a PHC string, Appwrite's snake_case
 * options) plus `hashOptions.wrapped`, which names the legacy algorithm. Appwrite itself cannot verify it:
 * export such users only after their next login has stored a plain argon2id hash.
 */
export class LegacyHashWrapper {
  constructor(
    private readonly argon2: Argon2Hasher,
    private readonly md5 = new Md5Hasher(),
    private readonly sha = new ShaHasher(),
    private readonly phpass = new PhpassHasher(),
  ) {}

  /** MD5, SHA and PHPass portable hashes; bcrypt (also under `phpass`), scrypt and argon2 are slow already. */
  canWrap(stored: StoredPassword): boolean {
    if (typeof stored.hash !== 'string') return false;
    if (stored.algorithm === 'md5' || stored.algorithm === 'sha') return true;
    return stored.algorithm === 'phpass' && isPortablePhpassHash(stored.hash);
  }

  async wrap(stored: StoredPassword): Promise<StoredPassword> {
    if (!this.canWrap(stored)) throw new Error(`A ${stored.algorithm} hash cannot be wrapped`);
    const outer = await this.argon2.hash(stored.hash);
    const wrapped: WrappedLegacyHash = {
      hash: stored.algorithm,
      hashOptions: stored.options ?? {},
      ...(stored.algorithm === 'phpass' ? { setting: stored.hash.slice(0, 12) } : {}),
    };
    return { ...outer, options: { ...outer.options, wrapped } };
  }

  async verify(plain: string, stored: StoredPassword): Promise<boolean> {
    const wrapped = wrappedLegacyHash(stored);
    if (!wrapped) return false;
    const legacy = await this.legacyDigest(plain, wrapped);
    return legacy !== undefined && this.argon2.verify(legacy, stored);
  }

  private legacyDigest(plain: string, wrapped: WrappedLegacyHash): Promise<string | undefined> {
    switch (wrapped.hash) {
      case 'md5':
        return this.md5.digest(plain);
      case 'sha':
        return this.sha.digest(plain, { options: wrapped.hashOptions });
      case 'phpass':
        return this.phpass.digest(plain, { hash: wrapped.setting ?? '' });
      default:
        return Promise.resolve(undefined);
    }
  }
}
