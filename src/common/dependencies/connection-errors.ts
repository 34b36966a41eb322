/** Why a connection to a server failed, in a few words, by Node's and the drivers' error codes. */
const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  EPIPE: 'connection closed',
  PROTOCOL_CONNECTION_LOST: 'connection lost',
  PROTOCOL_SEQUENCE_TIMEOUT: 'no answer',
  ER_CON_COUNT_ERROR: 'too many connections',
  ER_SERVER_SHUTDOWN: 'server shutting down',
};

/** ioredis reports a connection it has given up on by message only. */
const REDIS_MESSAGES: Array<[RegExp, string]> = [
  [/^Connection is closed/, 'connection closed'],
  [/^Stream isn't writeable/, 'not connected'],
  [/^Reached the max retries per request limit/, 'not connected'],
];

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node's happy-eyeballs connect (a name with IPv4 and IPv6 addresses) fails with an AggregateError.
  const inner = (error as { errors?: unknown[] }).errors;
  return Array.isArray(inner) ? codeOf(inner[0]) : undefined;
}

/**
 * The cause when `error` means the server could not be reached or dropped the connection ("connection refused"),
 * or undefined for any other error (a failing query, a bug).
 */
export function connectionFailure(error: unknown): string | undefined {
  const code = codeOf(error);
  if (code && CAUSES[code]) return CAUSES[code];
  const message = error instanceof Error ? error.message : '';
  if (/timed? ?out/i.test(message) && /connect/i.test(message)) return 'connection timed out';
  return REDIS_MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
}

const DEFAULT_PORTS: Record<string, number> = { mysql: 3306, mariadb: 3306, redis: 6379, rediss: 6379 };

/** `host:port` of a server URL, without its credentials (the only part of a URL that may be logged). */
export function endpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port || String(DEFAULT_PORTS[parsed.protocol.replace(/:$/, '')] ?? '');
    return port ? `${parsed.hostname}:${port}` : parsed.hostname;
  } catch {
    return '(invalid URL)';
  }
}
