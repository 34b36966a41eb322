import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables of relay checkpoints, processed events and activity logs (relay and audit modules). */
export class RelayAndAudit1764100000000 implements MigrationInterface {
  name = 'RelayAndAudit1764100000000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled in by the module that owns these tables.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled in by the module that owns these tables.
  }
}
