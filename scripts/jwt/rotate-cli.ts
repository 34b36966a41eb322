import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MasterKeys, MysqlDataKeys, parseKey } from '@libs/event-store';
import { ConfigError, loadConfig } from '../../src/config/config';
import { createAppPool } from '../../src/database/database-url';
import { unknownMasterKeysMessage } from '../../src/database/master-keys';
import { describeMysqlFailure } from '../../src/database/mysql-failure';
import { rotateJwtKeys } from '../../src/jwt';

/**
 * `npm run jwt:rotate`: a new JWT signing key; the one it replaces keeps verifying until the JWTs it signed
 * have expired, then leaves the JWKS. Every failure is one line on stderr: exit 2 for a bad command line or
 * configuration, 1 when the work could not be done.
 */
const LABEL = 'jwt:rotate';
const USAGE = `Usage: npm run ${LABEL}

Makes a new JWT signing key (Ed25519), sealed with the master key (DATA_KEY, or the key in DATA_KEY_FILE),
in the database named by DATABASE_URL. The keys that signed until now stop signing and keep verifying for
3660 s (the longest a JWT lives, plus a minute), then leave /.well-known/jwks.json. Running API processes
sign with the new key within JWT_KEYS_REFRESH_MS.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${LABEL}: ${message}\n`);
  process.exit(code);
}

function configuration() {
  const { DATABASE_URL, DATA_KEY, DATA_KEY_PREVIOUS, DATA_KEY_FILE } = process.env;
  try {
    return loadConfig({ DATABASE_URL, DATA_KEY, DATA_KEY_PREVIOUS, DATA_KEY_FILE });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.message.replace(/^Invalid configuration:\s*/, '').replace(/\n\s*/g, '; '), 2);
  }
}

/** The service's master key, never a new one: a key only this command knew would seal what nobody can open. */
function masterKeys(config: ReturnType<typeof configuration>): MasterKeys {
  const previous = config.DATA_KEY_PREVIOUS.map(parseKey);
  if (config.DATA_KEY) return new MasterKeys(parseKey(config.DATA_KEY), previous);
  const path = resolve(config.DATA_KEY_FILE);
  if (!existsSync(path))
    fail(`DATA_KEY is not set and ${path} does not exist: set DATA_KEY as the service has it`, 2);
  try {
    return new MasterKeys(parseKey(readFileSync(path, 'utf8')), previous);
  } catch (error) {
    fail(`${path} holds no usable key: ${(error as Error).message}`, 2);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.length > 0) fail(`unexpected argument ${args[0]} (usage: npm run ${LABEL} -- --help)`, 2);
  const config = configuration();
  const masters = masterKeys(config);
  const pool = createAppPool(config.DATABASE_URL, 2);
  try {
    const unknown = await new MysqlDataKeys(pool, masters).unknownMasterKeys();
    if (unknown.length > 0) fail(unknownMasterKeysMessage(unknown), 1);
    const result = await rotateJwtKeys(pool, masters);
    const retired =
      result.retired.length === 0
        ? 'There was no key before.'
        : `Retired ${result.retired.join(', ')}: verifying until ${result.verifyUntil.toISOString()}, then out of the JWKS.`;
    process.stdout.write(`New JWT signing key ${result.kid}. ${retired}\n`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ER_NO_SUCH_TABLE' || code === 'ER_BAD_DB_ERROR')
      fail('the database has no jwt_keys table yet: start the service once (it migrates at start)', 1);
    fail(
      describeMysqlFailure(error, config.DATABASE_URL) ??
        (error instanceof Error ? error.message : String(error)),
      1,
    );
  } finally {
    await pool.end().catch(() => undefined);
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
