import { Inject, Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { Argon2Hasher, HashAlgorithm, PasswordHashers, StoredPassword } from '@libs/passwords';
import { PASSWORD_HASHER } from './password-hashing';
import type { UserView } from '../queries/user.view';

export interface VerifyResult {
  verified: boolean;
  /** Verified with an imported, wrapped or older hash: re-hash it to the current argon2id parameters. */
  needsRehash: boolean;
}

/** Weight of the newest decoy timing in the running estimate: follows the machine's load within ~10 logins. */
const DECOY_SMOOTHING = 0.2;

/**
 * Checks a plain password against a user's stored hash, whatever its algorithm, so that a failed check costs
 * at least one argon2 verification at the current parameters (the decoy) whether or not the account exists:
 * - unknown email, or a user without a password: the decoy is verified;
 * - argon2id at the current parameters (wrapped legacy hashes too): the same work as the decoy already;
 * - anything that failed faster than the decoy (MD5, SHA, cheap PHPass, bcrypt or argon2 parameters): the
 *   decoy is verified as well, so the failure costs the decoy plus the fast hash. The decision compares
 *   with the decoy's measured time on this machine, so no fixed delay has to guess it.
 * Hashes slower than the decoy (argon2 at Appwrite's 64 MiB, bcrypt cost 10+, scrypt) still take longer:
 * work can be added, not removed. The eager wrap (`POST /v1/users/hashes/wrap`) only helps fast ones.
 */
@Injectable()
export class PasswordVerifier {
  private readonly hashers: PasswordHashers;
  private decoy?: Promise<string>;
  /** Running estimate of one decoy verification, in ms; unknown until the first one. */
  private decoyMs?: number;

  constructor(@Inject(PASSWORD_HASHER) private readonly argon2: Argon2Hasher) {
    this.hashers = new PasswordHashers(argon2);
  }

  async verify(plain: string, user: UserView | undefined): Promise<VerifyResult> {
    if (!user || user.password === null) {
      await this.verifyDecoy(plain);
      return { verified: false, needsRehash: false };
    }
    const stored: StoredPassword = {
      hash: user.password,
      algorithm: user.hash as HashAlgorithm,
      options: user.hashOptions,
    };
    const started = performance.now();
    const verified = await this.hashers.verify(plain, stored);
    if (!verified && !this.costsTheDecoy(stored) && performance.now() - started < (this.decoyMs ?? Infinity))
      await this.verifyDecoy(plain);
    return { verified, needsRehash: verified && this.hashers.needsRehash(stored) };
  }

  /** argon2id at the current parameters (a wrapped legacy hash adds only a fast digest to it). */
  private costsTheDecoy(stored: StoredPassword): boolean {
    return this.argon2.isCurrent(stored);
  }

  private async verifyDecoy(plain: string): Promise<void> {
    const hash = await this.decoyHash();
    const started = performance.now();
    await this.argon2.verify(plain, { hash, algorithm: 'argon2', options: {} });
    const ms = performance.now() - started;
    this.decoyMs = this.decoyMs === undefined ? ms : this.decoyMs + DECOY_SMOOTHING * (ms - this.decoyMs);
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= this.argon2.hash('decoy password for timing').then((s) => s.hash);
    return this.decoy;
  }
}
