import { connectionFailure, endpointOf } from '../common';

const LOGIN_ERRORS = new Set([
  'ER_ACCESS_DENIED_ERROR',
  'ER_ACCESS_DENIED_NO_PASSWORD_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_NOT_SUPPORTED_AUTH_MODE',
]);

/**
 * One line saying what is wrong with the MySQL server at DATABASE_URL, without credentials: "MySQL at
 * 127.0.0.1:3306 is not answering (connection refused)". Undefined when `error` is not about reaching the
 * server or logging in to it (a failing query is a different problem).
 */
export function describeMysqlFailure(error: unknown, databaseUrl: string): string | undefined {
  const where = `MySQL at ${endpointOf(databaseUrl)}`;
  const cause = connectionFailure(error);
  if (cause) return `${where} is not answering (${cause})`;
  const { code, sqlState } = (error ?? {}) as { code?: unknown; sqlState?: unknown };
  // SQLSTATE 28000: invalid authorization, whatever the server's own code for it.
  if ((typeof code === 'string' && LOGIN_ERRORS.has(code)) || sqlState === '28000') {
    return `${where} refused the login: ${(error as Error).message}`;
  }
  return undefined;
}
