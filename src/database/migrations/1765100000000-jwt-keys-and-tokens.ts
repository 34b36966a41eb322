import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `jwt_keys`: the JWT signing keys every API process shares (private halves sealed with the master key); a
 * rotated key keeps `retired_at` and still verifies until tokens it signed have expired.
 * `tokens`: the read side of token streams (one-time secrets exchanged for a session), looked up by the
 * SHA-256 of the secret within a user.
 */
export class JwtKeysAndTokens1765100000000 implements MigrationInterface {
  name = 'JwtKeysAndTokens1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE jwt_keys (
      kid VARCHAR(64) CHARACTER SET ascii NOT NULL,
      alg VARCHAR(16) CHARACTER SET ascii NOT NULL,
      public_jwk TEXT NOT NULL,
      private_sealed TEXT CHARACTER SET ascii NOT NULL,
      master_key_id CHAR(16) CHARACTER SET ascii NOT NULL,
      created_at DATETIME(3) NOT NULL,
      retired_at DATETIME(3) NULL,
      PRIMARY KEY (kid),
      KEY ix_jwt_keys_retired (retired_at)
    ) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE tokens (
      id VARCHAR(36) CHARACTER SET ascii NOT NULL,
      user_id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      version INT UNSIGNED NOT NULL,
      secret_hash CHAR(64) CHARACTER SET ascii NOT NULL,
      expire DATETIME(3) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      consumed_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      KEY ix_tokens_user_secret (user_id, secret_hash)
    ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS tokens');
    await queryRunner.query('DROP TABLE IF EXISTS jwt_keys');
  }
}
