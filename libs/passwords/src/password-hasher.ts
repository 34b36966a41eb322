/** Appwrite's algorithm names as they appear in the User model's `hash` field. */
export type HashAlgorithm = 'argon2' | 'bcrypt' | 'md5' | 'sha' | 'phpass' | 'scrypt' | 'scryptMod';

/** A stored password: the hash string plus the algorithm and options needed to verify it (API.md §7.2). */
export interface StoredPassword {
  hash: string;
  algorithm: HashAlgorithm;
  options: Record<string, unknown>;
}

/**
 * One implementation per algorithm; `hash` only where this service produces that kind of hash. `Given` is
 * what an import supplies beside the hash string because the string does not carry it (a scrypt salt, a
 * SHA version); algorithms whose hash carries everything take nothing.
 */
export interface PasswordHasher<Given = unknown> {
  readonly algorithm: HashAlgorithm;
  verify(plain: string, stored: StoredPassword): Promise<boolean>;
  hash?(plain: string): Promise<StoredPassword>;
  /**
   * `hash`, made by another system, as this service stores it: normalised, with the options read from the
   * hash itself and from `given`. Throws an `InvalidHashError` when it cannot be this algorithm's hash.
   */
  describe(hash: string, given: Given): StoredPassword;
}
