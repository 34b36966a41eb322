import { DATA_KEYS_MASTER_KEY_INDEX_DDL } from '@libs/event-store';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The start-up check (which master keys wrap data keys) and `data-key:rotate` (which keys an old master key
 * wraps) read `data_keys` by master key: without this index both scan every key, at every start.
 */
export class DataKeysByMasterKey1764700000000 implements MigrationInterface {
  name = 'DataKeysByMasterKey1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(DATA_KEYS_MASTER_KEY_INDEX_DDL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE data_keys DROP KEY ix_data_keys_master_key');
  }
}
