import { Logger } from '@nestjs/common';
import { connectionFailure, endpointOf } from './connection-errors';

export type DependencyKind = 'mysql' | 'redis';

const NAMES: Record<DependencyKind, string> = { mysql: 'MySQL', redis: 'Redis' };

/** What the service does while the dependency is down, said in the line that reports it. */
const MEANWHILE: Record<DependencyKind, string> = {
  mysql:
    'API requests that need it fail with a server error and /health/ready answers 503; the relay and the ' +
    'workers pause; nothing is lost (committed events are in MySQL); reconnecting',
  redis:
    'the API goes on; events wait in MySQL and are queued once it is back; failed logins are counted in memory ' +
    'on each node; /health/ready answers 503; reconnecting',
};

/**
 * Whether one dependency (one MySQL or Redis server) is reachable, as every client of it in this process sees it.
 * An outage is one warning line, repeated at most once per interval however many clients and requests fail, and
 * one line when the server answers again.
 */
export class DependencyStatus {
  private downSince?: number;
  private lastReport = 0;

  constructor(
    readonly kind: DependencyKind,
    readonly endpoint: string,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly logger: Pick<Logger, 'warn'> = new Logger('Dependencies'),
  ) {}

  get isDown(): boolean {
    return this.downSince !== undefined;
  }

  /** A client failed to reach the server (any error: the cause is taken from it when it has one). */
  down(error: unknown): void {
    const at = this.now();
    const cause = connectionFailure(error) ?? (error instanceof Error ? error.message : String(error));
    const what = `${NAMES[this.kind]} at ${this.endpoint}`;
    if (this.downSince === undefined) {
      this.downSince = at;
      this.lastReport = at;
      this.logger.warn(`${what} is down (${cause}): ${MEANWHILE[this.kind]}`);
    } else if (at - this.lastReport >= this.intervalMs) {
      this.lastReport = at;
      const seconds = Math.round((at - this.downSince) / 1000);
      this.logger.warn(`${what} is still down after ${seconds} s (${cause}): ${MEANWHILE[this.kind]}`);
    }
  }

  /** A client reached the server. */
  up(): void {
    if (this.downSince === undefined) return;
    const seconds = Math.round((this.now() - this.downSince) / 1000);
    this.downSince = undefined;
    // At the level of the warnings, so that whoever filters on them sees the outage end too.
    this.logger.warn(`${NAMES[this.kind]} at ${this.endpoint} is back after ${seconds} s`);
  }
}

/**
 * One status per server and process, shared by the API and worker contexts of `ROLE=all` and by every client
 * (pool, Redis connections, queues), so an outage is reported once rather than once per connection.
 */
const statuses = new Map<string, DependencyStatus>();

export function dependencyStatus(kind: DependencyKind, url: string, intervalMs: number): DependencyStatus {
  const endpoint = endpointOf(url);
  const key = `${kind} ${endpoint}`;
  let status = statuses.get(key);
  if (!status) {
    status = new DependencyStatus(kind, endpoint, intervalMs);
    statuses.set(key, status);
  }
  return status;
}

/** Which driver an error comes from: mysql2 marks its errors `fatal` or with SQL codes, ioredis by message. */
function kindOf(error: unknown): DependencyKind | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { fatal, code, sqlState } = error as { fatal?: unknown; code?: unknown; sqlState?: unknown };
  if (typeof fatal === 'boolean' || sqlState !== undefined) return 'mysql';
  if (typeof code === 'string' && /^(PROTOCOL_|ER_)/.test(code)) return 'mysql';
  const message = error instanceof Error ? error.message : '';
  if (/^(Connection is closed|Stream isn't writeable|Reached the max retries per request)/.test(message)) {
    return 'redis';
  }
  return undefined;
}

/**
 * The status of the server a connection error is about, when this process knows it: how a request that
 * failed because MySQL is down gets reported as the outage instead of as a stack trace of its own.
 */
export function statusForError(error: unknown): DependencyStatus | undefined {
  if (!connectionFailure(error)) return undefined;
  const kind = kindOf(error);
  const port = String((error as { port?: unknown }).port ?? '');
  const candidates = [...statuses.values()].filter((s) => (kind ? s.kind === kind : true));
  if (candidates.length === 1 && kind) return candidates[0];
  return candidates.find((s) => port !== '' && s.endpoint.endsWith(`:${port}`));
}
