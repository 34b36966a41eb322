import { Inject, Injectable } from '@nestjs/common';
import { Argon2Hasher, HashAlgorithm } from '@libs/passwords';
import { PASSWORD_HASHER } from './password-hashing';
import type { UserRow } from './user.row';

/**
 * Checks a plain password against a user's stored hash. Unknown emails and users without a password still
 * cost one argon2 verification, so the answer takes about as long whether or not the account exists.
 */
@Injectable()
export class PasswordVerifier {
  private decoy?: Promise<string>;

  constructor(@Inject(PASSWORD_HASHER) private readonly argon2: Argon2Hasher) {}

  async verify(plain: string, user: UserRow | undefined): Promise<boolean> {
    if (!user || user.password === null) {
      await this.argon2.verify(plain, { hash: await this.decoyHash(), algorithm: 'argon2', options: {} });
      return false;
    }
    const stored = {
      hash: user.password,
      algorithm: user.hash as HashAlgorithm,
      options: JSON.parse(user.hash_options) as Record<string, unknown>,
    };
    if (stored.algorithm === 'argon2') return this.argon2.verify(plain, stored);
    // Other algorithms (imported hashes) are not verifiable yet: such users cannot log in.
    return false;
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= this.argon2.hash('decoy password for timing').then((s) => s.hash);
    return this.decoy;
  }
}
