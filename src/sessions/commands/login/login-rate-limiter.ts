import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { REDIS } from '../../../redis/redis.module';
import { TooManyAttemptsError } from '../../domain/session.errors';

/**
 * Failed logins per email and per IP, counted in Redis so every API node shares them. While Redis is down an
 * in-memory limiter per node takes over (rate-limiter-flexible's insurance), so logins keep working.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly byEmail: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const make = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.QUEUE_PREFIX}:login-fail:${name}`,
        points,
        duration: config.LOGIN_RATE_WINDOW,
        insuranceLimiter: new RateLimiterMemory({ points, duration: config.LOGIN_RATE_WINDOW }),
      });
    this.byEmail = make('email', config.LOGIN_RATE_LIMIT_EMAIL);
    this.byIp = make('ip', config.LOGIN_RATE_LIMIT_IP);
  }

  /** Refuses with 429 when either counter is used up; costs nothing otherwise. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [e, i] = await Promise.all([this.byEmail.get(email), this.byIp.get(ip)]);
    for (const [res, limiter] of [
      [e, this.byEmail],
      [i, this.byIp],
    ] as const) {
      if (res && res.consumedPoints >= limiter.points)
        throw new TooManyAttemptsError(Math.ceil(res.msBeforeNext / 1000));
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.byEmail.penalty(email, 1), this.byIp.penalty(ip, 1)]);
  }

  /** A successful login clears the email's count (not the IP's: one IP may try many accounts). */
  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}
