import { createConnection } from 'mysql2/promise';
import { testDatabaseServerUrl } from './database';
import { deleteRedisKeys } from './redis-keys';

/**
 * Drops every database this run created and deletes the Redis keys of every queue prefix it used (each app
 * deletes its own when it stops; this catches what a failed or killed test left).
 */
export default async function globalTeardown(): Promise<void> {
  const redisPrefix = process.env.TEST_REDIS_PREFIX;
  if (redisPrefix) await deleteRedisKeys(`${redisPrefix}-*`);
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
