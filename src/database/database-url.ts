import type { PoolOptions } from 'mysql2/promise';

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
