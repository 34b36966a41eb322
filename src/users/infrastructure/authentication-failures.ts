import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventStore, uuidv7 } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { RequestContext } from '../../common';
import { APP_CONFIG, AppConfig } from '../../config';
import { EVENT_STORE } from '../../database';
import { AuthenticationFactor, LOGIN_EVENTS, LOGIN_STREAM, LoginFailedEvent } from '../domain/events';
import { FailedAttempts } from './failed-attempts';
import { UserRepository } from './user.repository';

/** Who locks a user automatically, in the `user.locked` metadata. */
const LOCKOUT_ACTOR = { type: 'system', id: 'lockout' } as const;

/**
 * The counting API of the lock-out, for every proof of identity (password today; TOTP and recovery codes
 * call the same): a failure is logged (`login.failed`, with the request's IP and user agent) and counted;
 * the LOCKOUT_ATTEMPTS-th failure within LOCKOUT_DURATION locks the user for LOCKOUT_DURATION
 * (`user.locked`). A success resets the count. Whether a user is locked is users' `lockedOut` rule, on the
 * user's `lockedUntil`.
 *
 * Counting lives in Redis because it is on the login path and changes with every guess: an increment there is
 * atomic across API processes and costs no write transaction. The lock is an event because it is a decision
 * about the user that must be visible, clearable and in the history, and must hold if Redis restarts empty.
 */
@Injectable()
export class AuthenticationFailures {
  private readonly logger = new Logger('Lockout');

  constructor(
    private readonly attempts: FailedAttempts,
    private readonly users: UserRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore<PoolConnection>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records a failed `factor` of an existing user and locks the user when it is one too many. Never throws:
   * the caller's answer (a 401) does not depend on the bookkeeping, which is logged when it fails. Only the
   * count (one Redis increment; the lock's append once at the limit) is waited for, so that the next attempt
   * sees it; the log's append runs in the background, so a failure for an existing account costs no write
   * transaction more than one for an unknown email (no timing tells them apart).
   */
  async record(userId: string, factor: AuthenticationFactor, now = new Date()): Promise<void> {
    this.log(userId, factor).catch((error: unknown) =>
      this.logger.warn(`Failed login of ${userId} not logged: ${String(error)}`),
    );
    await this.count(userId, now).catch((error: unknown) =>
      this.logger.warn(`Failed login of ${userId} not counted: ${String(error)}`),
    );
  }

  /** A proof succeeded: the count starts again (in the background; a stale count only expires later). */
  succeeded(userId: string): void {
    this.attempts
      .clear(userId)
      .catch((error: unknown) => this.logger.warn(`Count reset failed: ${String(error)}`));
  }

  /** Failures counted towards the next lock. */
  failedAttempts(userId: string): Promise<number> {
    return this.attempts.count(userId);
  }

  /** Forgets the count (an unlock, an admin's new password). */
  clear(userId: string): Promise<void> {
    return this.attempts.clear(userId);
  }

  private async count(userId: string, now: Date): Promise<void> {
    // Counted even with automatic locks off, so that `failedAttempts` shows what is going on.
    const failures = await this.attempts.add(userId);
    const limit = this.config.LOCKOUT_ATTEMPTS;
    if (limit === 0 || failures < limit) return;
    const until = new Date(now.getTime() + this.config.LOCKOUT_DURATION * 1000);
    // Parallel failures past the limit all get here; the aggregate locks once (a running lock is kept).
    await this.users.update(userId, (user) => user.lockAfterFailures(until, now), undefined, {
      actor: LOCKOUT_ACTOR,
    });
  }

  /** Each failure is a stream of its own, so guesses never contend with each other or the user's stream. */
  private async log(userId: string, factor: AuthenticationFactor): Promise<void> {
    const attemptId = uuidv7();
    await this.store.append({
      streamType: LOGIN_STREAM,
      streamId: attemptId,
      expectedVersion: 0,
      events: [LOGIN_EVENTS.toNew(new LoginFailedEvent({ userId, factor }), attemptId)],
      metadata: RequestContext.eventMetadata(),
    });
  }
}
