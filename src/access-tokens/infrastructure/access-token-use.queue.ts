import type { DefaultJobOptions } from 'bullmq';

/**
 * `lastUsedAt` is kept outside the event log, as users' `accessedAt` is (user-access.queue.ts): a use changes
 * nothing the token is or may do, and an event per token per minute would bury the few business facts of its
 * stream (created, disabled, deleted) under noise. The API notes a use (one Redis `SET NX` per token per
 * window) and queues a job; this queue's worker writes the read model, idempotently.
 */
export const ACCESS_TOKEN_USE_QUEUE = 'access-token-use';

/** `lastUsedAt` moves at most once a minute per token: fresh enough to audit, one write a minute at most. */
export const ACCESS_TOKEN_USE_WINDOW_MS = 60_000;

export interface AccessTokenUseJob {
  tokenId: string;
  /** When the use happened (ISO 8601). */
  at: string;
}

export const ACCESS_TOKEN_USE_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 24 * 3600 },
};

export function isUseStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || lastUsedAt.getTime() < now.getTime() - ACCESS_TOKEN_USE_WINDOW_MS;
}

/** The Redis key that says "a use of this token is already noted"; it lives one window. */
export function accessTokenUseKey(queuePrefix: string, tokenId: string): string {
  return `${queuePrefix}:access-token-use:${tokenId}`;
}
