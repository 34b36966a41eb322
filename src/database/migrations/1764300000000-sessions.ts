import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sessions read table. Revoked sessions stay (with `revoked_at`) so revocation can be audited and
 * measured; validation looks sessions up by the SHA-256 of their secret.
 */
export class Sessions1764300000000 implements MigrationInterface {
  name = 'Sessions1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE sessions (
      id VARCHAR(36) CHARACTER SET ascii NOT NULL,
      user_id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      version INT UNSIGNED NOT NULL,
      secret_hash CHAR(64) CHARACTER SET ascii NOT NULL,
      provider VARCHAR(32) NOT NULL,
      provider_uid VARCHAR(320) NOT NULL DEFAULT '',
      expire DATETIME(3) NOT NULL,
      ip VARCHAR(45) NOT NULL DEFAULT '',
      os_code VARCHAR(16) NOT NULL DEFAULT '',
      os_name VARCHAR(64) NOT NULL DEFAULT '',
      os_version VARCHAR(64) NOT NULL DEFAULT '',
      client_type VARCHAR(32) NOT NULL DEFAULT '',
      client_code VARCHAR(16) NOT NULL DEFAULT '',
      client_name VARCHAR(64) NOT NULL DEFAULT '',
      client_version VARCHAR(64) NOT NULL DEFAULT '',
      client_engine VARCHAR(64) NOT NULL DEFAULT '',
      client_engine_version VARCHAR(64) NOT NULL DEFAULT '',
      device_name VARCHAR(64) NOT NULL DEFAULT '',
      device_brand VARCHAR(64) NOT NULL DEFAULT '',
      device_model VARCHAR(128) NOT NULL DEFAULT '',
      country_code VARCHAR(4) NOT NULL DEFAULT '--',
      country_name VARCHAR(128) NOT NULL DEFAULT 'Unknown',
      factors TEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      revoked_at DATETIME(3) NULL,
      revoke_reason VARCHAR(32) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_sessions_secret_hash (secret_hash),
      KEY ix_sessions_user (user_id, revoked_at, created_at)
    ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS sessions');
  }
}
