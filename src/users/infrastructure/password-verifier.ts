import { Inject, Injectable } from '@nestjs/common';
import { Argon2Hasher, HashAlgorithm, PasswordHashers, StoredPassword } from '@libs/passwords';
import { PASSWORD_HASHER } from './password-hashing';
import type { UserRow } from './user.row';

export interface VerifyResult {
  verified: boolean;
  /** Verified with an imported or older hash: re-hash it to the current argon2id parameters. */
  needsRehash: boolean;
}

/**
 * Checks a plain password against a user's stored hash, whatever its algorithm. Unknown emails and users
 * without a password still cost one argon2 verification, so the answer takes about as long whether or not
 * the account exists.
 */
@Injectable()
export class PasswordVerifier {
  private readonly hashers: PasswordHashers;
  private decoy?: Promise<string>;

  constructor(@Inject(PASSWORD_HASHER) private readonly argon2: Argon2Hasher) {
    this.hashers = new PasswordHashers(argon2);
  }

  async verify(plain: string, user: UserRow | undefined): Promise<VerifyResult> {
    if (!user || user.password === null) {
      await this.argon2.verify(plain, { hash: await this.decoyHash(), algorithm: 'argon2', options: {} });
      return { verified: false, needsRehash: false };
    }
    const stored: StoredPassword = {
      hash: user.password,
      algorithm: user.hash as HashAlgorithm,
      options: JSON.parse(user.hash_options) as Record<string, unknown>,
    };
    const verified = await this.hashers.verify(plain, stored);
    return { verified, needsRehash: verified && this.hashers.needsRehash(stored) };
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= this.argon2.hash('decoy password for timing').then((s) => s.hash);
    return this.decoy;
  }
}
