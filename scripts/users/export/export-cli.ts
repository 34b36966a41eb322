import { parseExportArgs, UsageError, USAGE } from './args';
import { ExportFailure, runExport } from './run';

/**
 * `npm run users:export -- FILE`. Every failure is one line on stderr, never a stack trace: exit 2 when the
 * export cannot start (command line, API_KEY, endpoint unreachable, a request the service refuses), 1 when it
 * broke on the way (the users read so far stay in FILE.partial).
 */
const LABEL = 'users:export';

function fail(message: string, code: number): never {
  process.stderr.write(`${LABEL}: ${message}\n`);
  process.exit(code);
}

const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  let args: ReturnType<typeof parseExportArgs>;
  try {
    args = parseExportArgs(process.argv.slice(2), process.env);
  } catch (error) {
    // UsageError, or node:util parseArgs' TypeError (unknown option, missing value): both read well.
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    fail(`${error.message} (usage: npm run ${LABEL} -- --help)`, 2);
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  try {
    const { users, bytes, seconds } = await runExport(args);
    process.stdout.write(
      `${LABEL}: ${users.toLocaleString('en-US')} users, ${formatBytes(bytes)}, ${seconds.toFixed(1)} s ` +
        `(${Math.round(users / Math.max(seconds, 0.001)).toLocaleString('en-US')} users/s) → ${args.file}\n`,
    );
  } catch (error) {
    if (error instanceof ExportFailure) fail(error.message, error.exitCode);
    fail((error as Error).message.split('\n')[0], 1);
  }
}

void main();
