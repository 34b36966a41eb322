import { createConnection } from 'mysql2/promise';
import { poolOptionsFromUrl } from './database-url';

/** Creates the configured database when it does not exist yet (the server must be reachable). */
export async function ensureDatabase(url: string): Promise<void> {
  const { database, ...options } = poolOptionsFromUrl(url, 1);
  const connection = await createConnection({ ...options, connectTimeout: 10000 });
  try {
    // The name was validated by the config schema ([A-Za-z0-9_$-]); identifiers cannot be bound as parameters.
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}
