import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions bound to the user they were made for, checked without the revocation worker. `users.session_epoch`
 * is the global position of the last event that ended the user's sessions (its `user.created`, a block, a
 * password change); a session records the user's incarnation (`users.sequence`, the position of its
 * `user.created`) and the epoch it was made in, and validation accepts it only while both still match. A
 * deleted and re-created id is a new incarnation; unblocking leaves the epoch where the block put it.
 *
 * Event type names are written out here (not taken from the event classes): a migration is a snapshot of
 * the stored data it was written for, and type names are never renamed.
 *
 * Existing rows: each user's epoch is computed from its events exactly as the projection computes it, and a
 * session made after the event of that epoch joins it; every other session (made before the last block or
 * password change, even if the user was unblocked since) stays at 0, which matches no user.
 */
export class SessionEpochs1764400000000 implements MigrationInterface {
  name = 'SessionEpochs1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE users ADD COLUMN session_epoch BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER sequence',
    );
    await queryRunner.query(
      `ALTER TABLE sessions
         ADD COLUMN user_incarnation BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER user_id,
         ADD COLUMN user_epoch BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER user_incarnation`,
    );
    await queryRunner.query(
      `UPDATE users u SET u.session_epoch = GREATEST(u.sequence, COALESCE((
         SELECT MAX(e.position) FROM events e
          WHERE e.stream_type = 'user' AND e.stream_id = u.id AND e.position > u.sequence
            AND (e.type = 'user.password.changed' OR (e.type = 'user.status.changed' AND e.data = '{"status":false}'))
       ), 0))`,
    );
    await queryRunner.query(
      `UPDATE sessions s
         JOIN users u ON u.id = s.user_id
         JOIN events e ON e.position = u.session_epoch
          SET s.user_incarnation = u.sequence,
              s.user_epoch = IF(s.created_at >= e.occurred_at, u.session_epoch, 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE sessions DROP COLUMN user_epoch, DROP COLUMN user_incarnation');
    await queryRunner.query('ALTER TABLE users DROP COLUMN session_epoch');
  }
}
