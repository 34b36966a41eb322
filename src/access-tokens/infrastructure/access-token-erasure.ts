import type { PoolConnection } from 'mysql2/promise';

/**
 * Erasure: the user's access tokens (descriptions, secret hashes, last use) leave the read table in the
 * erasure's transaction; their streams end at the user's `user.erased` (a rebuild purges them there again).
 */
export async function purgeUserAccessTokens(
  tx: Pick<PoolConnection, 'execute'>,
  userId: string,
): Promise<void> {
  await tx.execute('DELETE FROM access_tokens WHERE user_id = ?', [userId]);
}
