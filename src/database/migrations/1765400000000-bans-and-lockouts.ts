import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bans and lock-outs on the users read table: the ban's reason and expiry (both null for a plain block or no
 * ban) and the end of a lock-out. No existing event sets them, so existing rows start with nulls, which is
 * what a rebuild gives them too.
 */
export class BansAndLockouts1765400000000 implements MigrationInterface {
  name = 'BansAndLockouts1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE users
         ADD COLUMN ban_reason VARCHAR(1024) NULL,
         ADD COLUMN ban_expires_at DATETIME(3) NULL,
         ADD COLUMN locked_until DATETIME(3) NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE users DROP COLUMN locked_until, DROP COLUMN ban_expires_at, DROP COLUMN ban_reason',
    );
  }
}
