import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The identities read table and its search tokens. Uniqueness of (provider, providerUid) is not a key here:
 * the event store's `identity.provider` constraint enforces it, so this table can be dropped and rebuilt.
 */
export class Identities1764200000000 implements MigrationInterface {
  name = 'Identities1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // sequence = global position of the identity.created event: Appwrite's $sequence, stable across rebuilds.
    // Provider tokens are MEDIUMTEXT: 16384 four-byte characters overflow TEXT's 65535 bytes.
    // provider_uid is binary like the constraint, so `equal` matches exactly the UIDs that count as one.
    await queryRunner.query(`CREATE TABLE identities (
      id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      sequence BIGINT UNSIGNED NOT NULL,
      version INT UNSIGNED NOT NULL,
      user_id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      provider VARCHAR(128) NOT NULL,
      provider_uid VARCHAR(2048) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      provider_email VARCHAR(320) NOT NULL DEFAULT '',
      provider_access_token MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      provider_access_token_expiry DATETIME(3) NULL,
      provider_refresh_token MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_identities_sequence (sequence),
      KEY ix_identities_user (user_id, sequence),
      KEY ix_identities_provider (provider),
      KEY ix_identities_provider_uid (provider_uid(191)),
      KEY ix_identities_provider_email (provider_email),
      KEY ix_identities_token_expiry (provider_access_token_expiry),
      KEY ix_identities_created_at (created_at),
      KEY ix_identities_updated_at (updated_at)
    ) ENGINE=InnoDB`);
    // One row per searchable word of provider, providerUid and providerEmail; prefix search is a range scan.
    await queryRunner.query(`CREATE TABLE identity_search_tokens (
      token VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      identity_sequence BIGINT UNSIGNED NOT NULL,
      field TINYINT UNSIGNED NOT NULL,
      PRIMARY KEY (token, identity_sequence, field),
      KEY ix_identity_search_tokens_identity (identity_sequence)
    ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS identity_search_tokens');
    await queryRunner.query('DROP TABLE IF EXISTS identities');
  }
}
