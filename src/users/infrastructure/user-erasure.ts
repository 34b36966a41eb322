import { Inject, Injectable } from '@nestjs/common';
import type { MysqlDataKeys } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { DATA_KEYS } from '../../database';
import { UserRepository } from './user.repository';

/** Another module's part of an erasure, run in the erasure's transaction. */
export type ErasureStep = (tx: PoolConnection, userId: string) => Promise<void>;

/**
 * Erases a user (GDPR Art. 17) in one transaction: `user.deleted` (if live) and `user.erased` appended through
 * the aggregate, the users projection, the other modules' purges, the user's data keys destroyed (every sealed
 * field of its events becomes `null`, erased), and the IP and user agent taken out of the metadata of every
 * event about the user — the one rewrite of `events` an erasure makes: metadata is not sealed.
 */
@Injectable()
export class UserErasure {
  constructor(
    private readonly users: UserRepository,
    @Inject(DATA_KEYS) private readonly dataKeys: MysqlDataKeys,
  ) {}

  async erase(userId: string, steps: readonly ErasureStep[]): Promise<void> {
    await this.users.update(
      userId,
      (user) => user.erase(),
      undefined,
      undefined,
      async (tx) => {
        for (const step of steps) await step(tx, userId);
        await this.dataKeys.destroy(userId, tx);
        // `user_id` (a generated, indexed column) is the user every event is about: its own stream, its
        // sessions', identities' and tokens' events.
        await tx.execute(
          `UPDATE events SET metadata = JSON_REMOVE(metadata, '$.ip', '$.userAgent')
            WHERE user_id = ? AND JSON_CONTAINS_PATH(metadata, 'one', '$.ip', '$.userAgent')`,
          [userId],
        );
      },
    );
    // Committed: remember the keys as destroyed in this process (a read during the transaction may have cached
    // one again); the UPDATE finds nothing left to destroy.
    await this.dataKeys.destroy(userId);
  }
}
