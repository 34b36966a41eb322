import { MigrationInterface, QueryRunner } from 'typeorm';
import { emailMetadata } from '../../common';

const BATCH = 1000;

/**
 * Appwrite's email fields on the users read model (`emailCanonical`, `emailIs*`). They are derived from the
 * address by the users projection, not stored in events, so a newer domain list is applied by re-projecting.
 * Existing rows are classified here, in batches, with the lists of the installed version.
 */
export class EmailMetadata1765200000000 implements MigrationInterface {
  name = 'EmailMetadata1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE users
         ADD COLUMN email_canonical VARCHAR(320) NULL,
         ADD COLUMN email_is_canonical TINYINT(1) NULL,
         ADD COLUMN email_is_corporate TINYINT(1) NULL,
         ADD COLUMN email_is_disposable TINYINT(1) NULL,
         ADD COLUMN email_is_free TINYINT(1) NULL`,
    );
    let after = 0;
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT sequence, email FROM users WHERE sequence > ? AND email IS NOT NULL ORDER BY sequence LIMIT ${BATCH}`,
        [after],
      )) as Array<{ sequence: string | number; email: string }>;
      if (rows.length === 0) return;
      for (const row of rows) {
        const m = emailMetadata(row.email);
        await queryRunner.query(
          `UPDATE users SET email_canonical = ?, email_is_canonical = ?, email_is_corporate = ?,
             email_is_disposable = ?, email_is_free = ? WHERE sequence = ?`,
          [
            m.emailCanonical,
            m.emailIsCanonical,
            m.emailIsCorporate,
            m.emailIsDisposable,
            m.emailIsFree,
            row.sequence,
          ],
        );
      }
      after = Number(rows[rows.length - 1].sequence);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE users DROP COLUMN email_canonical, DROP COLUMN email_is_canonical,
         DROP COLUMN email_is_corporate, DROP COLUMN email_is_disposable, DROP COLUMN email_is_free`,
    );
  }
}
