import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { processShutdown } from '../process';
import { poolOptionsFromUrl } from './database-url';

const LOCK_NAME = 'identity_service_migrations';

/**
 * Runs pending migrations while holding a MySQL named lock, so several processes starting at once
 * (api and worker replicas) do not race on the same DDL.
 */
export async function runMigrations(url: string, dataSource: DataSource): Promise<string[]> {
  const lockConnection = await createConnection(poolOptionsFromUrl(url, 1));
  try {
    const [rows] = await lockConnection.query('SELECT GET_LOCK(?, 120) AS acquired', [LOCK_NAME]);
    if ((rows as Array<{ acquired: number }>)[0]?.acquired !== 1) {
      throw new Error('Timed out waiting for another process to finish migrations');
    }
    // DDL is not transactional in MySQL: a signal now waits for the migrations instead of cutting one short.
    const applied = await processShutdown.protect(dataSource.runMigrations({ transaction: 'none' }));
    return applied.map((m) => m.name);
  } finally {
    await lockConnection.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]).catch(() => undefined);
    await lockConnection.end();
  }
}
