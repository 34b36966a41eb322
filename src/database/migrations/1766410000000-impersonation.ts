import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Impersonation: the users read table's `impersonator` flag (set by `user.impersonator.changed`; no earlier
 * event sets it, so existing rows start false, as a rebuild gives them), and the impersonator of the request
 * behind each activity log (`""` when the request impersonated nobody, and for rows written before).
 */
export class Impersonation1766410000000 implements MigrationInterface {
  name = 'Impersonation1766410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD COLUMN impersonator TINYINT(1) NOT NULL DEFAULT 0');
    await queryRunner.query(
      "ALTER TABLE activity_logs ADD COLUMN impersonator_id VARCHAR(36) NOT NULL DEFAULT ''",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE activity_logs DROP COLUMN impersonator_id');
    await queryRunner.query('ALTER TABLE users DROP COLUMN impersonator');
  }
}
