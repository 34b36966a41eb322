import { Injectable } from '@nestjs/common';
import { lockedOut } from '../domain/user-access.policy';
import { UserNotFoundError } from '../domain/user.errors';
import { AuthenticationFailures } from './authentication-failures';
import { UserRepository } from './user.repository';

/** What a second-factor code proved. */
export type MfaCheck = { outcome: 'verified' } | { outcome: 'invalid' } | { outcome: 'locked'; until: Date };

/**
 * Checks a user's TOTP or recovery code, for every route that takes one (a challenge, the server-side verify).
 * The lock-out applies as at login: a locked user's code is not even looked at, a wrong one is counted (and
 * logged as a failed login of that factor), a right one resets the count. A recovery code is used up when it
 * verifies (its `user.mfa.recovery-code.used` commits before the caller goes on), so it never works twice.
 */
@Injectable()
export class MfaCodes {
  constructor(
    private readonly users: UserRepository,
    private readonly failures: AuthenticationFailures,
  ) {}

  async check(
    userId: string,
    factor: 'totp' | 'recoveryCode',
    code: string,
    now = new Date(),
  ): Promise<MfaCheck> {
    let verified = false;
    let lock: Date | null = null;
    await this.users.update(userId, (user) => {
      if (!user.exists) throw new UserNotFoundError();
      const locked = lockedOut({ lockedUntil: user.lockedUntil ? new Date(user.lockedUntil) : null }, now);
      if (locked.locked) {
        lock = locked.until;
        return;
      }
      verified =
        factor === 'totp' ? !!user.totp?.verified && user.totpMatches(code, now) : user.useRecoveryCode(code);
    });
    if (lock) return { outcome: 'locked', until: lock };
    if (!verified) {
      await this.failures.record(userId, factor === 'totp' ? 'totp' : 'recovery-code', now);
      return { outcome: 'invalid' };
    }
    this.failures.succeeded(userId);
    return { outcome: 'verified' };
  }
}
