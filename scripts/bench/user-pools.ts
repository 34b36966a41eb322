/** How many seeded users each part of the bench takes for itself (from the end of the seeded range). */
export const POOL_SIZES = {
  /** GET /v1/account: 40 users × 5 server sessions = 200 secrets (under SESSION_LIMIT). */
  account: 40,
  /** POST /v1/account/sessions/email cycles over their emails. */
  login: 500,
  /** Blocked one by one for the revocation lag, idle and then under load (100 each). */
  revokeIdle: 100,
  revokeLoad: 100,
  /** Renamed by the background write load during the second revocation run. */
  background: 1000,
  /** Streams that get the relay-throughput events. */
  relay: 2000,
} as const;

export type PoolName = keyof typeof POOL_SIZES;

/** The general scenarios (GET, list, rename, …) keep at least this many users of their own. */
const MIN_GENERAL = 1000;

export interface UserPools {
  /** Seeded indices of each reserved pool (the index gives the email: `fakeUser(index)`). */
  reserved: Record<PoolName, number[]>;
  /** Everything else, for the scenarios that pick users at random. */
  general: string[];
}

/**
 * Disjoint sets of seeded users, so that one part never disturbs another: a login beyond SESSION_LIMIT
 * revokes the user's oldest session, a block revokes them all, and the relay events need stream versions
 * that nothing else moves.
 */
export function userPools(ids: string[]): UserPools {
  const reservedCount = Object.values(POOL_SIZES).reduce((sum, n) => sum + n, 0);
  if (ids.length < reservedCount + MIN_GENERAL) {
    throw new Error(
      `BENCH_USERS must be at least ${(reservedCount + MIN_GENERAL).toLocaleString('en-US')} ` +
        `(${reservedCount.toLocaleString('en-US')} users are reserved for the session, revocation and relay parts)`,
    );
  }
  let end = ids.length;
  const reserved = {} as Record<PoolName, number[]>;
  for (const [name, size] of Object.entries(POOL_SIZES) as Array<[PoolName, number]>) {
    reserved[name] = Array.from({ length: size }, (_, i) => end - size + i);
    end -= size;
  }
  return { reserved, general: ids.slice(0, end) };
}
