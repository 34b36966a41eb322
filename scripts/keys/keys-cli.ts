import { ConfigError, loadConfig } from '../../src/config/config';
import {
  CREATE_USAGE,
  LIST_USAGE,
  parseCreateArgs,
  parseListArgs,
  parseRevokeArgs,
  REVOKE_USAGE,
} from './args';
import { CommandError } from './command-error';
import type { KeysCommand } from './execute';

/**
 * `npm run keys:create|keys:list|keys:revoke`. Every failure is one line on stderr, never a stack trace:
 * exit 2 for a bad command line or configuration, 1 when the work could not be done (MySQL down, no such key).
 */
const PARSERS = {
  create: { usage: CREATE_USAGE, parse: parseCreateArgs },
  list: { usage: LIST_USAGE, parse: parseListArgs },
  revoke: { usage: REVOKE_USAGE, parse: parseRevokeArgs },
} as const;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const [name, ...argv] = process.argv.slice(2);
  if (name !== 'create' && name !== 'list' && name !== 'revoke') {
    fail(`keys: unknown command "${name ?? ''}" (create, list or revoke)`, 2);
  }
  const label = `keys:${name}`;
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${PARSERS[name].usage}\n`);
    return;
  }

  let command: KeysCommand;
  try {
    command = { name, args: PARSERS[name].parse(argv) } as KeysCommand;
  } catch (error) {
    // UsageError, or node:util parseArgs' TypeError (unknown option, missing value): both read well.
    fail(`${label}: ${(error as Error).message} (usage: npm run ${label} -- --help)`, 2);
  }

  let databaseUrl: string;
  try {
    // Only DATABASE_URL matters here: a bad PORT in the same shell must not stop a key from being revoked.
    databaseUrl = loadConfig({ DATABASE_URL: process.env.DATABASE_URL }).DATABASE_URL;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(`${label}: ${error.message.replace(/^Invalid configuration:\s*/, '').replace(/\n\s*/g, '; ')}`, 2);
  }

  // Loaded only now: the database code (TypeORM) takes a second to load, which a typo should not cost.
  const { execute } = await import('./execute');
  try {
    await execute(command, databaseUrl);
  } catch (error) {
    if (error instanceof CommandError) fail(`${label}: ${error.message}`, 1);
    throw error;
  }
}

main().catch((error: unknown) => fail(`keys: ${String(error)}`, 1));
