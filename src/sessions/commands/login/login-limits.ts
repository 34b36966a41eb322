import { Logger } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyAttemptsError } from '../../domain/session.errors';
import { clientNetwork } from './client-network';

/** The three counters one attempt is charged to. */
export interface LoginLimiters {
  /** Failures for one email from one IP. */
  emailAndIp: RateLimiterAbstract;
  /** Failures for one email from every IP together. */
  email: RateLimiterAbstract;
  /** Failures from one IP over every email. */
  ip: RateLimiterAbstract;
}

/** The points an admitted attempt holds while its password is verified. */
export interface LoginAttempt {
  /** The password was right: the point is given back and the (email, IP) pair starts again from zero. */
  succeeded(): void;
  /** The attempt was no guess (a server error, a blocked user with the right password): give it all back. */
  cancel(): void;
}

/** Redis keys are free text; a network never holds a space, so `ip email` cannot be read two ways. */
const pairKey = (email: string, ip: string) => `${ip} ${email}`;

/**
 * Counts login attempts before their password is verified: each attempt takes a point from every counter at
 * once (an atomic increment in Redis, shared by every API process), and only an attempt that got all of them
 * is verified. A wrong password keeps its points; a right one gives them back. Because the point is taken
 * first, N parallel requests can never verify more than the limit, whatever order they finish in.
 */
export class LoginLimits {
  private readonly logger = new Logger('LoginRateLimiter');

  constructor(private readonly limiters: LoginLimiters) {}

  /** Admits one attempt or refuses it with 429 (`Retry-After` from the counter that is used up). */
  async consume(rawEmail: string, rawIp: string): Promise<LoginAttempt> {
    // The email column compares case-insensitively: `A@x.io` and `a@x.io` must share their counters.
    const email = rawEmail.toLowerCase();
    const ip = clientNetwork(rawIp);
    const charges: Array<[RateLimiterAbstract, string]> = [
      [this.limiters.emailAndIp, pairKey(email, ip)],
      [this.limiters.email, email],
      [this.limiters.ip, ip],
    ];
    const results = await Promise.allSettled(charges.map(([limiter, key]) => limiter.consume(key)));
    const refused = results.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown);
    if (refused.length === 0) return this.attempt(charges);

    // A refused attempt verifies nothing, so it must not count: every counter it incremented (refused ones
    // included, since the increment happens before the comparison) gets its point back.
    this.giveBack(charges.filter((_, i) => this.incremented(results[i])));
    const failure = refused.find((reason) => !(reason instanceof RateLimiterRes));
    if (failure) throw failure;
    const waitMs = Math.max(...(refused as RateLimiterRes[]).map((r) => r.msBeforeNext));
    throw new TooManyAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  private attempt(charges: Array<[RateLimiterAbstract, string]>): LoginAttempt {
    let settled = false;
    const once = (run: () => void) => () => {
      if (settled) return;
      settled = true;
      run();
    };
    const [pair, ...others] = charges;
    return {
      succeeded: once(() => {
        this.background(pair[0].delete(pair[1]));
        this.giveBack(others);
      }),
      cancel: once(() => this.giveBack(charges)),
    };
  }

  private incremented(result: PromiseSettledResult<RateLimiterRes>): boolean {
    return result.status === 'fulfilled' || result.reason instanceof RateLimiterRes;
  }

  /**
   * Refunds are not awaited: the answer does not depend on them, and on a frozen Redis each would add a
   * command timeout to the request (the limiter's insurance applies them in memory then).
   */
  private giveBack(charges: Array<[RateLimiterAbstract, string]>): void {
    for (const [limiter, key] of charges) {
      // A refund landing after the window ended starts a new one at -1: one free attempt too many. Drop it.
      this.background(
        limiter.reward(key, 1).then((res) => (res.consumedPoints < 0 ? limiter.delete(key) : undefined)),
      );
    }
  }

  private background(promise: Promise<unknown>): void {
    promise.catch((error: unknown) => this.logger.warn(`Login limit refund failed: ${String(error)}`));
  }
}
