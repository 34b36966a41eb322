import { MasterKeys, parseKey } from '@libs/event-store';
import { ConfigError, loadConfig } from '../../src/config/config';
import { createAppPool } from '../../src/database/database-url';
import { describeMysqlFailure } from '../../src/database/mysql-failure';
import { parseRotateArgs, ROTATE_USAGE } from './rotate-args';
import { RotateError, rotateDataKeys, RotationInterrupted } from './rotate';

/**
 * `npm run data-key:rotate`: re-wraps every data key with DATA_KEY, the keys it replaces in DATA_KEY_PREVIOUS.
 * Every failure is one line on stderr, never a stack trace: exit 2 for a bad command line or configuration,
 * 1 when the work could not be done (MySQL down, a master key missing).
 */
const LABEL = 'data-key:rotate';

function fail(message: string, code: number): never {
  process.stderr.write(`${LABEL}: ${message}\n`);
  process.exit(code);
}

function configuration() {
  const { DATABASE_URL, DATA_KEY, DATA_KEY_PREVIOUS } = process.env;
  try {
    // Only what the rotation uses: a bad PORT in the same shell must not stop it.
    return loadConfig({ DATABASE_URL, DATA_KEY, DATA_KEY_PREVIOUS });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.message.replace(/^Invalid configuration:\s*/, '').replace(/\n\s*/g, '; '), 2);
  }
}

function failure(error: unknown, databaseUrl: string): string {
  if (error instanceof RotateError) return error.message;
  if (error instanceof RotationInterrupted) {
    const done = `${error.rewrapped} of ${error.total} data keys were re-wrapped before that; run it again to finish`;
    return `${failure(error.failure, databaseUrl)}; ${done}`;
  }
  return describeMysqlFailure(error, databaseUrl) ?? (error instanceof Error ? error.message : String(error));
}

async function main(): Promise<void> {
  let args: { batch: number; help: boolean };
  try {
    args = parseRotateArgs(process.argv.slice(2));
  } catch (error) {
    fail(`${(error as Error).message} (usage: npm run ${LABEL} -- --help)`, 2);
  }
  if (args.help) {
    process.stdout.write(`${ROTATE_USAGE}\n`);
    return;
  }
  const config = configuration();
  if (!config.DATA_KEY) {
    fail(
      'DATA_KEY is not set: set it to the new master key, and the one used until now in DATA_KEY_PREVIOUS',
      2,
    );
  }
  const masters = new MasterKeys(parseKey(config.DATA_KEY), config.DATA_KEY_PREVIOUS.map(parseKey));
  const pool = createAppPool(config.DATABASE_URL, 2);
  const started = Date.now();
  try {
    const print = (line: string) => process.stdout.write(`${line}\n`);
    const result = await rotateDataKeys(pool, masters, { batch: args.batch, print });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.jwtKeys > 0) print(`Re-sealed ${result.jwtKeys} JWT signing key(s) with DATA_KEY.`);
    print(
      `Re-wrapped ${result.rewrapped} data key(s) in ${seconds} s: all ${result.live} live data key(s) are ` +
        `wrapped by DATA_KEY (master key ${masters.currentId}); ${result.destroyed} erased. ` +
        'DATA_KEY_PREVIOUS is no longer needed by the service (backups made before the rotation still are).',
    );
  } catch (error) {
    fail(failure(error, config.DATABASE_URL), 1);
  } finally {
    await pool.end().catch(() => undefined);
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
