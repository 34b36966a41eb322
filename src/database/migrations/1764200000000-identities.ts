import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables of the identities read table (identities module). */
export class Identities1764200000000 implements MigrationInterface {
  name = 'Identities1764200000000';

  async up(_queryRunner: QueryRunner): Promise<void> {
    // Filled in by the module that owns these tables.
  }

  async down(_queryRunner: QueryRunner): Promise<void> {
    // Filled in by the module that owns these tables.
  }
}
