import type { PoolConnection } from 'mysql2/promise';

/**
 * Erasure: the user's sessions (provider uid = login email, IP, device) and one-time tokens go from the read
 * tables, in the erasure's transaction. Their events stay, with personal fields erased.
 */
export async function purgeUserSessions(tx: PoolConnection, userId: string): Promise<void> {
  await tx.execute('DELETE FROM sessions WHERE user_id = ?', [userId]);
  await tx.execute('DELETE FROM tokens WHERE user_id = ?', [userId]);
}
