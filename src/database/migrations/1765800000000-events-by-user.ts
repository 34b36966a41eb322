import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The user each event is about, as an indexed virtual column: the stream id of a user event, the `userId` a
 * session or identity event carries in clear. `GET /v1/users/{userId}/events` (with `include`) reads a user's
 * own stream and its sessions' and identities' streams in global order from one range of this index, instead of
 * scanning `events`. Virtual, so adding it rewrites no row; appends pay one more index entry.
 */
export class EventsByUser1765800000000 implements MigrationInterface {
  name = 'EventsByUser1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE events
         ADD COLUMN user_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin GENERATED ALWAYS AS
           (IF(stream_type = 'user', stream_id, LEFT(JSON_UNQUOTE(JSON_EXTRACT(data, '$.userId')), 64))) VIRTUAL,
         ADD KEY ix_events_user (user_id, position)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE events DROP KEY ix_events_user, DROP COLUMN user_id');
  }
}
