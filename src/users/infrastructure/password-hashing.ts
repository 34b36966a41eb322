import { Argon2Hasher } from '@libs/passwords';
import type { PasswordHash } from '../domain/user.aggregate';

export const PASSWORD_HASHER = Symbol('PASSWORD_HASHER');

/** Hashes a plain password for storage; `""` or absent means no password (still shown as argon2, like Appwrite). */
export async function hashForStorage(hasher: Argon2Hasher, plain: string): Promise<PasswordHash> {
  if (plain === '') return { password: null, hash: 'argon2', hashOptions: hasher.options() };
  const stored = await hasher.hash(plain);
  return { password: stored.hash, hash: stored.algorithm, hashOptions: stored.options };
}
