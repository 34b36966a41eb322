import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Revoke every session": each session keeps the global position of its `session.created`, and each sweep the
 * position of its request, so validation refuses every session older than the newest sweep at once (before
 * the sweep worker has revoked them one by one). Existing sessions take their position from the event store.
 */
export class SessionSweeps1766300000000 implements MigrationInterface {
  name = 'SessionSweeps1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE sessions ADD COLUMN created_position BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER user_epoch',
    );
    await queryRunner.query(
      `UPDATE sessions s JOIN events e
         ON e.stream_type = 'session' AND e.stream_id = s.id AND e.version = 1
       SET s.created_position = e.position`,
    );
    await queryRunner.query('CREATE INDEX ix_sessions_created_position ON sessions (created_position)');
    await queryRunner.query(`CREATE TABLE session_sweeps (
      id VARCHAR(36) CHARACTER SET ascii NOT NULL,
      requested_position BIGINT UNSIGNED NOT NULL,
      status VARCHAR(16) CHARACTER SET ascii NOT NULL,
      total INT UNSIGNED NULL,
      revoked INT UNSIGNED NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      completed_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      KEY ix_session_sweeps_position (requested_position)
    ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS session_sweeps');
    await queryRunner.query('ALTER TABLE sessions DROP COLUMN created_position');
  }
}
