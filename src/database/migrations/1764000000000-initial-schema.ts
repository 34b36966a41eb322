import { EVENT_STORE_DDL } from '@libs/event-store';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event store, the users read model with its search tokens, and API keys.
 * Read tables can be dropped and rebuilt from `events`; `events`, `unique_constraints` and `api_keys` cannot.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of EVENT_STORE_DDL) await queryRunner.query(statement);
    // sequence = global position of the user.created event: Appwrite's $sequence, stable across rebuilds.
    await queryRunner.query(`CREATE TABLE users (
      sequence BIGINT UNSIGNED NOT NULL,
      id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      version INT UNSIGNED NOT NULL,
      name VARCHAR(128) NOT NULL DEFAULT '',
      email VARCHAR(320) NULL,
      phone VARCHAR(16) NULL,
      password TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
      hash VARCHAR(16) CHARACTER SET ascii NOT NULL,
      hash_options TEXT NOT NULL,
      status TINYINT(1) NOT NULL,
      labels TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      prefs MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      email_verification TINYINT(1) NOT NULL,
      phone_verification TINYINT(1) NOT NULL,
      mfa TINYINT(1) NOT NULL,
      registration DATETIME(3) NOT NULL,
      password_update DATETIME(3) NULL,
      accessed_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (sequence),
      UNIQUE KEY uq_users_id (id),
      KEY ix_users_name (name),
      KEY ix_users_email (email),
      KEY ix_users_phone (phone),
      KEY ix_users_status (status),
      KEY ix_users_registration (registration),
      KEY ix_users_password_update (password_update),
      KEY ix_users_email_verification (email_verification),
      KEY ix_users_phone_verification (phone_verification),
      KEY ix_users_created_at (created_at),
      KEY ix_users_updated_at (updated_at)
    ) ENGINE=InnoDB`);
    // One row per searchable word of a user; prefix search is an index range scan on `token`.
    await queryRunner.query(`CREATE TABLE user_search_tokens (
      token VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      user_sequence BIGINT UNSIGNED NOT NULL,
      field TINYINT UNSIGNED NOT NULL,
      PRIMARY KEY (token, user_sequence, field),
      KEY ix_user_search_tokens_user (user_sequence)
    ) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE api_keys (
      id CHAR(36) CHARACTER SET ascii NOT NULL,
      name VARCHAR(128) NOT NULL,
      secret_hash CHAR(64) CHARACTER SET ascii NOT NULL,
      scopes TEXT NOT NULL,
      expire DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_api_keys_secret_hash (secret_hash)
    ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['api_keys', 'user_search_tokens', 'users', 'unique_constraints', 'events']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
