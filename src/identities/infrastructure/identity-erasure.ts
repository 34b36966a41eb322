import type { PoolConnection } from 'mysql2/promise';

/**
 * Erasure: the user's identities (provider uid, email, tokens), their search tokens and the provider pairs they
 * hold unique leave the read tables and the constraints in the erasure's transaction. Not through
 * `identity.deleted`: that event seals the provider uid with the user's data key, and sealing after the key is
 * destroyed would make a new, readable key. The identity streams end at the user's `user.erased`.
 */
export async function purgeUserIdentities(tx: PoolConnection, userId: string): Promise<void> {
  await tx.execute(
    'DELETE c FROM unique_constraints c JOIN identities i ON i.id = c.stream_id WHERE i.user_id = ?',
    [userId],
  );
  await tx.execute(
    'DELETE t FROM identity_search_tokens t JOIN identities i ON i.sequence = t.identity_sequence WHERE i.user_id = ?',
    [userId],
  );
  await tx.execute('DELETE FROM identities WHERE user_id = ?', [userId]);
}
