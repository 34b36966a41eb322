import { MigrationInterface, QueryRunner } from 'typeorm';

const DEVICE_COLUMNS = [
  'os_code',
  'os_name',
  'os_version',
  'client_type',
  'client_code',
  'client_name',
  'client_version',
  'client_engine',
  'client_engine_version',
  'device_name',
  'device_brand',
  'device_model',
];

/** Tables of relay checkpoints, processed events and activity logs (relay and audit modules). */
export class RelayAndAudit1764100000000 implements MigrationInterface {
  name = 'RelayAndAudit1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `position` is the last global event position delivered with no undelivered event at or below it.
    await queryRunner.query(`CREATE TABLE relay_checkpoints (
      name VARCHAR(64) CHARACTER SET ascii NOT NULL,
      position BIGINT UNSIGNED NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (name)
    ) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE processed_events (
      consumer VARCHAR(64) CHARACTER SET ascii NOT NULL,
      event_id CHAR(36) CHARACTER SET ascii NOT NULL,
      processed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (consumer, event_id),
      KEY ix_processed_events_processed_at (processed_at)
    ) ENGINE=InnoDB`);
    // A read model: rebuilt by replaying events, keyed by event id so a replayed job inserts nothing.
    await queryRunner.query(`CREATE TABLE activity_logs (
      event_id CHAR(36) CHARACTER SET ascii NOT NULL,
      position BIGINT UNSIGNED NOT NULL,
      user_id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      event VARCHAR(255) NOT NULL,
      user_email VARCHAR(320) NOT NULL DEFAULT '',
      user_name VARCHAR(128) NOT NULL DEFAULT '',
      user_type VARCHAR(32) CHARACTER SET ascii NOT NULL,
      mode VARCHAR(16) CHARACTER SET ascii NOT NULL,
      ip VARCHAR(45) NOT NULL DEFAULT '',
      time DATETIME(3) NOT NULL,
      ${DEVICE_COLUMNS.map((c) => `${c} VARCHAR(256) NOT NULL DEFAULT ''`).join(',\n      ')},
      country_code VARCHAR(8) NOT NULL DEFAULT '--',
      country_name VARCHAR(128) NOT NULL DEFAULT 'Unknown',
      PRIMARY KEY (event_id),
      KEY ix_activity_logs_user_time (user_id, time, position),
      KEY ix_activity_logs_time (time)
    ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS activity_logs');
    await queryRunner.query('DROP TABLE IF EXISTS processed_events');
    await queryRunner.query('DROP TABLE IF EXISTS relay_checkpoints');
  }
}
