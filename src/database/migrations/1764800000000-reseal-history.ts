import { Logger } from '@nestjs/common';
import {
  formatProgress,
  MasterKeys,
  MysqlDataKeys,
  RESEAL_CHECKPOINTS_DDL,
  resealHistory,
} from '@libs/event-store';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { ALL_EVENTS } from '../../events';
import { processShutdown } from '../../process';
import { createAppPool } from '../database-url';
import { unknownMasterKeysMessage } from '../master-keys';

/** What sealing the history needs beyond the query runner: where the database is, and the master keys. */
export interface SealingContext {
  databaseUrl: string;
  /** Asked only when there are events to seal, so the keys CLI on a fresh database needs no DATA_KEY. */
  masterKeys?: () => MasterKeys;
}

/**
 * Seals, in place, the personal fields of the events written before sealing existed (`resealHistory`: the
 * data stays the same, only its storage form changes). Runs at the first start of this version, in batches
 * with a checkpoint: a crash or a signal stops it between batches, and the next start resumes there (the
 * migration is recorded as done only once the walk is finished). On a large history it logs a progress line
 * every few seconds.
 */
export class ResealHistory1764800000000 implements MigrationInterface {
  name = 'ResealHistory1764800000000';

  constructor(private readonly context?: SealingContext) {}

  /** TypeORM instantiates migration classes itself: this one gets its context through a subclass. */
  static with(context: SealingContext): new () => ResealHistory1764800000000 {
    return class extends ResealHistory1764800000000 {
      constructor() {
        super(context);
      }
    };
  }

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(RESEAL_CHECKPOINTS_DDL);
    const [{ any }] = (await queryRunner.query('SELECT EXISTS (SELECT 1 FROM events) AS `any`')) as Array<{
      any: number | string;
    }>;
    if (Number(any) === 0) return;
    const masterKeys = this.context?.masterKeys;
    if (!this.context || !masterKeys) {
      throw new Error('Sealing the event history needs the master keys (DATA_KEY), and none were given');
    }
    const pool = createAppPool(this.context.databaseUrl, 2);
    try {
      const dataKeys = new MysqlDataKeys(pool, masterKeys());
      const unknown = await dataKeys.unknownMasterKeys();
      if (unknown.length > 0) throw new Error(unknownMasterKeysMessage(unknown));
      const log = new Logger('Migrations');
      const result = await resealHistory(pool, ALL_EVENTS, dataKeys, {
        onProgress: (progress) =>
          log.log(formatProgress('Sealing the personal fields of stored events', progress)),
        shouldStop: () => processShutdown.requested,
      });
      if (!result.finished) {
        throw new Error(
          `Sealing the event history stopped by request at position ${result.position}; the next start resumes there`,
        );
      }
      log.log(`Sealed the personal fields of ${result.sealed} of ${result.scanned} events`);
    } finally {
      await pool.end();
    }
  }

  /** Sealed fields stay sealed: the code before this migration cannot read events written since anyway. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS reseal_checkpoints');
  }
}
