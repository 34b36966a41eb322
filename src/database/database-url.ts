import { createPool, Pool, PoolOptions } from 'mysql2/promise';

/** mysql2 options from a `mysql://user:pass@host:port/db` URL; UTC everywhere so DATETIME(3) round-trips. */
export function poolOptionsFromUrl(url: string, connectionLimit: number): PoolOptions & { database: string } {
  const parsed = new URL(url);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    connectionLimit,
    timezone: 'Z',
    dateStrings: false,
    charset: 'utf8mb4_unicode_ci',
    enableKeepAlive: true,
    // Deliberately no multipleStatements: one statement per call is one less injection vector.
  };
}

/**
 * The hot-path pool. Sessions run at READ COMMITTED: appends rely on unique keys, not on repeatable reads, and
 * REPEATABLE READ's gap locks made concurrent user creations deadlock on the search-token index.
 */
export function createAppPool(url: string, connectionLimit: number): Pool {
  const pool = createPool(poolOptionsFromUrl(url, connectionLimit));
  pool.pool.on('connection', (connection) => {
    connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  });
  return pool;
}
