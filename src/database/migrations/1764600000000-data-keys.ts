import { DATA_KEYS_DDL } from '@libs/event-store';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-user data keys for the sealed (encrypted) fields of events. */
export class DataKeys1764600000000 implements MigrationInterface {
  name = 'DataKeys1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(DATA_KEYS_DDL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS data_keys');
  }
}
