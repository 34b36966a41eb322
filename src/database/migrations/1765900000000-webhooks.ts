import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (project configuration, like API keys: not event-sourced) and their delivery log. The signing
 * secret and the basic-auth password are one sealed token (`sealed_secrets`) under the data key of subject
 * `webhook:<id>`, so a DATA_KEY rotation re-wraps them and deleting the webhook shreds them.
 */
export class Webhooks1765900000000 implements MigrationInterface {
  name = 'Webhooks1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE webhooks (
      id VARCHAR(36) CHARACTER SET ascii NOT NULL,
      name VARCHAR(128) NOT NULL,
      url VARCHAR(2048) NOT NULL,
      events TEXT NOT NULL,
      enabled TINYINT(1) NOT NULL,
      security TINYINT(1) NOT NULL,
      http_user VARCHAR(256) NOT NULL,
      sealed_secrets TEXT CHARACTER SET ascii NOT NULL,
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      logs TEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_webhooks_created (created_at, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await queryRunner.query(`CREATE TABLE webhook_deliveries (
      id VARCHAR(36) CHARACTER SET ascii NOT NULL,
      webhook_id VARCHAR(36) CHARACTER SET ascii NOT NULL,
      event_id CHAR(36) CHARACTER SET ascii NOT NULL,
      event_position BIGINT UNSIGNED NOT NULL,
      event_type VARCHAR(100) CHARACTER SET ascii NOT NULL,
      event_name VARCHAR(255) NOT NULL,
      status VARCHAR(16) CHARACTER SET ascii NOT NULL,
      round INT UNSIGNED NOT NULL DEFAULT 0,
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      response_status_code INT NULL,
      duration_ms INT UNSIGNED NULL,
      last_error TEXT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_webhook_deliveries_event (webhook_id, event_id),
      KEY ix_webhook_deliveries_list (webhook_id, event_position)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS webhook_deliveries');
    await queryRunner.query('DROP TABLE IF EXISTS webhooks');
  }
}
