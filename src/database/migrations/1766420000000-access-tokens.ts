import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal access tokens' read table. The secret is held only as its SHA-256, unique, so validating a bearer
 * token is one read on that key (joined to the user of its incarnation). `last_used_at` is written by a worker,
 * throttled, not by events.
 */
export class AccessTokens1766420000000 implements MigrationInterface {
  name = 'AccessTokens1766420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE access_tokens (
      id VARCHAR(36) CHARACTER SET ascii NOT NULL,
      sequence BIGINT UNSIGNED NOT NULL,
      version INT UNSIGNED NOT NULL,
      user_id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      user_incarnation BIGINT UNSIGNED NOT NULL,
      description VARCHAR(256) CHARACTER SET utf8mb4 NOT NULL,
      secret_hash CHAR(64) CHARACTER SET ascii NOT NULL,
      is_active TINYINT(1) NOT NULL,
      expire DATETIME(3) NULL,
      last_used_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY ux_access_tokens_secret_hash (secret_hash),
      KEY ix_access_tokens_user (user_id, sequence)
    ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS access_tokens');
  }
}
