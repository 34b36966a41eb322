import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user changing its own password (`PATCH /v1/account/password`) keeps the session it did it from, as
 * Appwrite does, while the change ends every other session. The users row remembers that one session and the
 * epoch it is valid in (users' session policy, `sessionCounts`). Existing rows keep none: no event before
 * this migration carried a kept session.
 */
export class KeptSessions1765000000000 implements MigrationInterface {
  name = 'KeptSessions1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE users
         ADD COLUMN kept_session_id VARCHAR(36) NULL AFTER session_epoch,
         ADD COLUMN kept_session_epoch BIGINT UNSIGNED NULL AFTER kept_session_id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users DROP COLUMN kept_session_epoch, DROP COLUMN kept_session_id');
  }
}
