import { parseKey } from '@libs/event-store';
import { z } from 'zod';

const LOOPBACK_URL = 'mysql://root@127.0.0.1:3306/identity';

const intInRange = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be an integer between ${min} and ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be an integer between ${min} and ${max}`);

const urlWithScheme = (schemes: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
  );

const masterKey = z.string().refine((value) => {
  try {
    parseKey(value);
    return true;
  } catch {
    return false;
  }
}, 'must be 32 bytes: 64 hex characters or 44 characters of base64 (e.g. `openssl rand -base64 32`)');

const schema = z.object({
  PORT: intInRange(1, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: urlWithScheme(['mysql', 'mariadb'])
    .refine(
      (v) => new URL(v).pathname.length > 1,
      'must name a database, e.g. mysql://root@127.0.0.1:3306/identity',
    )
    .refine(
      (v) => /^[A-Za-z0-9_$-]{1,64}$/.test(decodeURIComponent(new URL(v).pathname.slice(1))),
      'database name may only contain letters, digits, _, $ and -',
    )
    .default(LOOPBACK_URL),
  DATABASE_POOL_SIZE: intInRange(1, 1000).default(32),
  /** A user export whose client takes no bytes for this long is cut off, ending its snapshot. */
  EXPORT_STALL_TIMEOUT_MS: intInRange(1000, 3_600_000).default(60_000),
  REDIS_URL: urlWithScheme(['redis', 'rediss']).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:{}.-]{1,64}$/, 'must be 1-64 chars of letters, digits and _ : { } . -')
    .default('identity'),
  PROJECT_ID: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/,
      'must be 1-36 chars of a-z, A-Z, 0-9, period, hyphen, underscore',
    )
    .default('default'),
  API_KEY: z.string().min(16, 'must be at least 16 characters (it grants every scope)').optional(),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ARGON2_MEMORY_COST: intInRange(1024, 4 * 1024 * 1024).default(19456),
  ARGON2_TIME_COST: intInRange(1, 100).default(2),
  ARGON2_PARALLELISM: intInRange(1, 64).default(1),
  BODY_LIMIT: intInRange(1024, 64 * 1024 * 1024).default(1024 * 1024),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SHUTDOWN_TIMEOUT_MS: intInRange(0, 600000).default(10000),
  /** Seconds a session lives (Appwrite's default: one year). */
  SESSION_DURATION: intInRange(60, 10 * 365 * 24 * 3600).default(31536000),
  /** Live sessions per user; creating one more revokes the oldest. */
  SESSION_LIMIT: intInRange(1, 1000).default(10),
  /**
   * Failed logins allowed within LOGIN_RATE_WINDOW seconds: per email from one IP, per email from every IP
   * together (default 5 × LOGIN_RATE_LIMIT_EMAIL), and per IP over every email (a ceiling against credential
   * stuffing, high because everyone behind one proxy or NAT shares it). See login-rate-limiter.ts.
   */
  LOGIN_RATE_LIMIT_EMAIL: intInRange(1, 100000).default(10),
  LOGIN_RATE_LIMIT_EMAIL_TOTAL: intInRange(1, 1000000).optional(),
  LOGIN_RATE_LIMIT_IP: intInRange(1, 10000000).default(1000),
  LOGIN_RATE_WINDOW: intInRange(1, 86400).default(900),
  /**
   * Per-user lock-out: after LOCKOUT_ATTEMPTS failed password checks within LOCKOUT_DURATION seconds the user is
   * locked for LOCKOUT_DURATION seconds, whoever is guessing from wherever. Off (0) by default, as in ZITADEL:
   * it lets anyone who knows an email lock its user out, which the login limits alone never do.
   */
  LOCKOUT_ATTEMPTS: intInRange(0, 100000).default(0),
  LOCKOUT_DURATION: intInRange(1, 31536000).default(900),
  /**
   * Longest wait for one command on the API's Redis connection. A Redis that is connected but does not answer
   * then fails the command: limits fall back to their in-memory twin, nothing waits for ever.
   */
  REDIS_COMMAND_TIMEOUT_MS: intInRange(50, 60000).default(500),
  LOG_RETENTION_DAYS: intInRange(1, 36500).default(365),
  /** A user's `accessedAt` moves at most once per this many seconds (Appwrite's APP_USER_ACCESS, 24 h). */
  USER_ACCESS_WINDOW_SECONDS: intInRange(1, 31_536_000).default(86_400),
  /** Personal access tokens a user may hold at once, disabled and expired ones included. */
  ACCESS_TOKENS_PER_USER: intInRange(1, 1000).default(100),
  /** Path of a MaxMind/DB-IP country database (.mmdb); without it countries are `--` / `Unknown`. */
  GEOIP_DATABASE: z.string().min(1).optional(),
  RELAY_POLL_MS: intInRange(10, 60000).default(500),
  RELAY_BATCH_SIZE: intInRange(1, 10000).default(500),
  WORKER_CONCURRENCY: intInRange(1, 1000).default(32),
  /** Master key that wraps the per-user data keys of sealed event fields; generated into DATA_KEY_FILE if unset. */
  DATA_KEY: masterKey.optional(),
  /** Former master keys, comma-separated: still unwrap data keys until `npm run data-key:rotate` re-wraps them. */
  DATA_KEY_PREVIOUS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(masterKey))
    .default([]),
  /** Where a master key generated for a local start (no DATA_KEY) is kept. */
  DATA_KEY_FILE: z.string().min(1).default('.data/data-key'),
  /** How often the reconciler compares each consumer's processed events with the event store. */
  RECONCILE_INTERVAL_MS: intInRange(100, 3_600_000).default(5000),
  /** How long an event may stay unprocessed by a consumer before the reconciler delivers it again. */
  RECONCILE_AFTER_MS: intInRange(100, 86_400_000).default(30000),
  /** While MySQL or Redis is down, the line saying so is repeated at most this often. */
  OUTAGE_LOG_INTERVAL_MS: intInRange(1000, 3600000).default(30000),
  /**
   * How often an API process re-reads the shared JWT keys (a rotation made by `npm run jwt:rotate` or another
   * process signs here within this time; a JWT naming an unknown key re-reads them at once).
   */
  JWT_KEYS_REFRESH_MS: intInRange(100, 3_600_000).default(60000),
  /** Webhook URLs may resolve to loopback, private or link-local addresses (tests, local setups). */
  WEBHOOK_ALLOW_PRIVATE_URLS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Longest wait for one webhook request, connection to last byte read. */
  WEBHOOK_TIMEOUT_MS: intInRange(100, 120000).default(10000),
  /** Tries per webhook delivery, retried with exponential backoff from WEBHOOK_RETRY_DELAY_MS. */
  WEBHOOK_MAX_ATTEMPTS: intInRange(1, 50).default(8),
  WEBHOOK_RETRY_DELAY_MS: intInRange(10, 3_600_000).default(5000),
  /** Consecutive failed requests (over every delivery of the webhook) after which a webhook is disabled. */
  WEBHOOK_MAX_FAILURES: intInRange(1, 100000).default(20),
});

export type AppConfig = z.infer<typeof schema>;

/** Never echoed back in a configuration error. */
const SECRET_VARIABLES = new Set(['API_KEY', 'DATABASE_URL', 'DATA_KEY', 'DATA_KEY_PREVIOUS']);

/** Thrown for an invalid environment; the message names every offending variable. */
export class ConfigError extends Error {}

/**
 * Reads and validates the configuration. Empty strings count as unset so that `PORT=` in a compose file
 * falls back to the default instead of failing on an empty number.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      const shown = SECRET_VARIABLES.has(name) ? '' : ` (got "${input[name]}")`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
