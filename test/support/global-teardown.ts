import { createConnection } from 'mysql2/promise';
import { testDatabaseServerUrl } from './database';

/** Drops every database this run created. */
export default async function globalTeardown(): Promise<void> {
  const prefix = process.env.TEST_DB_PREFIX;
  if (!prefix) return;
  const connection = await createConnection(testDatabaseServerUrl());
  try {
    const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`${prefix}%`]);
    for (const row of rows as Array<Record<string, string>>) {
      await connection.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
    }
  } finally {
    await connection.end();
  }
}
