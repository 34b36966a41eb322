import { MigrationInterface, QueryRunner } from 'typeorm';

/** The consumers that existed before progress was kept; later consumers start where the relay is. */
const CONSUMERS = ['session-revocation', 'activity-log', 'identity-cleanup'];

/**
 * The consumers' record in MySQL, so that Redis is only a transport: `consumer_progress` (every accepted event
 * up to `position` processed), `processed_events.position` (to drop records the progress already covers) and
 * `dead_letters` (events a consumer gave up on). Existing consumers start at the relay's checkpoint: what was
 * delivered before is taken as done, as it was until now.
 */
export class ConsumerProgress1764500000000 implements MigrationInterface {
  name = 'ConsumerProgress1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE consumer_progress (
      consumer VARCHAR(64) CHARACTER SET ascii NOT NULL,
      position BIGINT UNSIGNED NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (consumer)
    ) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE dead_letters (
      consumer VARCHAR(64) CHARACTER SET ascii NOT NULL,
      event_id CHAR(36) CHARACTER SET ascii NOT NULL,
      position BIGINT UNSIGNED NOT NULL,
      event_type VARCHAR(100) CHARACTER SET ascii NOT NULL,
      reason TEXT NOT NULL,
      failed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (consumer, event_id)
    ) ENGINE=InnoDB`);
    await queryRunner.query(
      `ALTER TABLE processed_events ADD COLUMN position BIGINT UNSIGNED NULL AFTER event_id,
         ADD KEY ix_processed_events_position (consumer, position)`,
    );
    const [row] = (await queryRunner.query(
      'SELECT COALESCE(MAX(position), 0) AS position FROM relay_checkpoints',
    )) as Array<{ position: number | string }>;
    for (const consumer of CONSUMERS) {
      await queryRunner.query(
        'INSERT INTO consumer_progress (consumer, position, updated_at) VALUES (?, ?, NOW(3))',
        [consumer, Number(row.position)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE processed_events DROP KEY ix_processed_events_position, DROP COLUMN position',
    );
    await queryRunner.query('DROP TABLE IF EXISTS dead_letters');
    await queryRunner.query('DROP TABLE IF EXISTS consumer_progress');
  }
}
