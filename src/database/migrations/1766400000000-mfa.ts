import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MFA: the users row says which factors the user has (a verified TOTP authenticator, how many recovery codes
 * are left), so session validation can apply users' "MFA satisfied" rule on the row it already joins; the
 * sessions row gets Appwrite's `mfaUpdatedAt`. The secret and the codes' hashes live only in the (sealed)
 * events: no read table holds them.
 */
export class Mfa1766400000000 implements MigrationInterface {
  name = 'Mfa1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE users ADD COLUMN mfa_totp TINYINT(1) NOT NULL DEFAULT 0, ' +
        'ADD COLUMN mfa_recovery_codes TINYINT UNSIGNED NOT NULL DEFAULT 0',
    );
    await queryRunner.query('ALTER TABLE sessions ADD COLUMN mfa_updated_at DATETIME(3) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE sessions DROP COLUMN mfa_updated_at');
    await queryRunner.query('ALTER TABLE users DROP COLUMN mfa_totp, DROP COLUMN mfa_recovery_codes');
  }
}
