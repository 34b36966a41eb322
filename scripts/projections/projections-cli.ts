import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config';
import { parseProjectionsArgs, ProjectionsArgs, UsageError, USAGE } from './args';

/**
 * `npm run projections -- verify|rebuild [name ...]`. Every failure is one line on stderr, never a stack
 * trace: exit 2 for a bad command line or configuration, 1 when the work could not be done (MySQL down, a
 * barrier or swap that timed out) and, for verify, when the rebuilt tables differ from the live ones.
 */
const LABEL = 'projections';

function fail(message: string, code: number): never {
  process.stderr.write(`${LABEL}: ${message}\n`);
  process.exit(code);
}

function configuration() {
  const { DATABASE_URL, DATA_KEY, DATA_KEY_PREVIOUS, DATA_KEY_FILE } = process.env;
  try {
    // Only what the tools use: a bad PORT in the same shell must not stop them.
    return loadConfig({ DATABASE_URL, DATA_KEY, DATA_KEY_PREVIOUS, DATA_KEY_FILE });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.message.replace(/^Invalid configuration:\s*/, '').replace(/\n\s*/g, '; '), 2);
  }
}

async function main(): Promise<void> {
  // The registry is loaded for its names: the database code loads later, so a typo costs nothing.
  const { readModels } = await import('../../src/projections');
  const models = readModels();
  let args: ProjectionsArgs | 'help';
  try {
    args = parseProjectionsArgs(
      process.argv.slice(2),
      models.map((model) => model.name),
    );
  } catch (error) {
    // UsageError, or node:util parseArgs' TypeError (unknown option, missing value): both read well.
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    fail(`${error.message} (usage: npm run ${LABEL} -- --help)`, 2);
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = configuration();
  if (!config.DATA_KEY && !existsSync(resolve(config.DATA_KEY_FILE))) {
    fail("the events' sealed fields need the master key: set DATA_KEY as the service has it", 2);
  }
  const { run } = await import('./run');
  const code = await run(
    args,
    models.filter((model) => args.names.includes(model.name)),
    config,
  );
  process.exitCode = code;
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
