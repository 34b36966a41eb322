import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables of the sessions read table (sessions module). */
export class Sessions1764300000000 implements MigrationInterface {
  name = 'Sessions1764300000000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled in by the module that owns these tables.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled in by the module that owns these tables.
  }
}
