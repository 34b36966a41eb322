import { randomBytes } from 'node:crypto';

/** The server the tests use: TEST_DATABASE_URL's server, or the local MariaDB. */
export function testDatabaseServerUrl(): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/identity_test');
  url.pathname = '/';
  return url.toString();
}

/** A database name of its own for one test file (created by the app at start, dropped after the run). */
export function freshDatabaseUrl(): string {
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/${process.env.TEST_DB_PREFIX ?? 'identity_test'}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}
