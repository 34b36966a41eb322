import type { DefaultJobOptions } from 'bullmq';

/**
 * `accessedAt` is kept outside the event log: Appwrite refreshes it at most once a window per user as a side
 * effect of any authenticated request, it changes nothing the user is or may do, and an event per active user
 * per window would grow the streams with no business fact. The API notes an access (one Redis `SET NX` per
 * user per window) and queues a job; this queue's worker writes the read model, idempotently.
 */
export const USER_ACCESS_QUEUE = 'user-access';

export interface UserAccessJob {
  userId: string;
  /** The user's incarnation (`users.sequence`): an access never lands on a re-created id. */
  incarnation: number;
  /** When the access happened (ISO 8601). */
  at: string;
}

export const USER_ACCESS_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 24 * 3600 },
};

/** Appwrite's rule (app/controllers/shared/api.php): refresh when the stored time is older than the window. */
export function isAccessStale(accessedAt: Date | null, now: Date, windowMs: number): boolean {
  return accessedAt === null || accessedAt.getTime() < now.getTime() - windowMs;
}

/** The Redis key that says "an access of this user is already noted"; it lives at most ten minutes. */
export function userAccessKey(queuePrefix: string, userId: string): string {
  return `${queuePrefix}:user-access:${userId}`;
}

export const USER_ACCESS_NOTE_TTL_MS = 10 * 60 * 1000;
