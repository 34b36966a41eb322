import { ConcurrencyError } from '@libs/event-store';
import { ConflictError } from '@libs/http';

/** Enough for a burst of ~10 concurrent writes to one user; real contention on one user is rarer than that. */
const DEFAULT_ATTEMPTS = 10;

/**
 * Re-runs a load→decide→append cycle when another writer got there first. Each attempt re-reads the stream,
 * so the rules are checked against fresh state; after `attempts` losses the caller gets 409.
 */
export async function withConcurrencyRetry<T>(
  run: () => Promise<T>,
  attempts = DEFAULT_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (attempt >= attempts) throw new ConflictError();
      // A little jitter so two losers do not collide again on the same beat.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));
    }
  }
}
