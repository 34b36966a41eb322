import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig } from '../../../config';
import { REDIS } from '../../../redis';
import { LoginLimits } from './login-limits';

/**
 * Login and verify-password attempts, counted in Redis so every API process shares them. While Redis is down
 * or frozen (each command is bounded by REDIS_COMMAND_TIMEOUT_MS) an in-memory twin per process takes over:
 * the limits fail closed to a per-node count, never open.
 *
 * Why three counters, and the trade-off:
 * - (email, IP), LOGIN_RATE_LIMIT_EMAIL: the tight one. It stops guessing one account from one place and is
 *   what a user who mistypes meets; a success resets it.
 * - email over every IP, LOGIN_RATE_LIMIT_EMAIL_TOTAL (5 × the above): bounds guessing spread over many IPs.
 *   Keying the tight limit by (email, IP) means an attacker at one IP no longer locks the account for
 *   everyone else; it takes several IPs to reach this total, and then the account is locked for the window
 *   (the price of bounding distributed guessing). A success does not reset it.
 * - IP over every email, LOGIN_RATE_LIMIT_IP: a ceiling against credential stuffing (one host, many
 *   accounts, few tries each). Everyone behind one proxy or NAT shares an IP (the client IP is the proxy's
 *   unless TRUST_PROXY is set), so this ceiling is set high: only that many failures from the proxy within
 *   the window lock its users out, and no single account's counters ever do.
 * An IPv6 client counts as its /64 (client-network.ts). With TRUST_PROXY the IP comes from X-Forwarded-For:
 * only set it behind a proxy that overwrites that header, or every request can pick its own IP.
 */
@Injectable()
export class LoginRateLimiter extends LoginLimits {
  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const duration = config.LOGIN_RATE_WINDOW;
    const make = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.QUEUE_PREFIX}:login:${name}`,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
    super({
      emailAndIp: make('email-ip', config.LOGIN_RATE_LIMIT_EMAIL),
      email: make('email', config.LOGIN_RATE_LIMIT_EMAIL_TOTAL ?? 5 * config.LOGIN_RATE_LIMIT_EMAIL),
      ip: make('ip', config.LOGIN_RATE_LIMIT_IP),
    });
  }
}
