/** Appwrite's algorithm names as they appear in the User model's `hash` field. */
export type HashAlgorithm = 'argon2' | 'bcrypt' | 'md5' | 'sha' | 'phpass' | 'scrypt' | 'scryptMod';

/** A stored password: the hash string plus the algorithm and options needed to verify it (API.md §7.2). */
export interface StoredPassword {
  hash: string;
  algorithm: HashAlgorithm;
  options: Record<string, unknown>;
}

/** One implementation per algorithm; `hash` only where this service produces that kind of hash. */
export interface PasswordHasher {
  readonly algorithm: HashAlgorithm;
  verify(plain: string, stored: StoredPassword): Promise<boolean>;
  hash?(plain: string): Promise<StoredPassword>;
}
