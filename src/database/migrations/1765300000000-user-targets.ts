import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users' messaging targets (read model of the users projection). Users made before carry their email and
 * phone targets over with the ids the User model already showed for them (see `addressTargetId`), so the
 * replayed aggregate and this table agree.
 */
/** The email and sms targets of the users there are, with the ids `addressTargetId` gives a first target. */
export async function backfillAddressTargets(query: (sql: string) => Promise<unknown>): Promise<void> {
  for (const [type, column] of [
    ['email', 'email'],
    ['sms', 'phone'],
  ]) {
    await query(
      `INSERT INTO user_targets (id, user_id, provider_type, identifier, name, created_at, updated_at)
       SELECT LEFT(SHA2(CONCAT(id, CHAR(0 USING utf8mb4), '${type}'), 256), 20), id, '${type}', ${column}, '',
              created_at, updated_at
         FROM users WHERE ${column} IS NOT NULL ORDER BY sequence`,
    );
  }
}

export class UserTargets1765300000000 implements MigrationInterface {
  name = 'UserTargets1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE user_targets (
      sequence BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      user_id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      provider_type VARCHAR(8) CHARACTER SET ascii NOT NULL,
      identifier VARCHAR(320) NOT NULL,
      name VARCHAR(128) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (sequence),
      UNIQUE KEY ux_user_targets_id (id),
      KEY ix_user_targets_user (user_id, sequence)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await backfillAddressTargets((sql) => queryRunner.query(sql));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE user_targets');
  }
}
