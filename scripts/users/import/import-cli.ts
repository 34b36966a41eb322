import { ImportArgs, parseImportArgs, USAGE, UsageError } from './args';
import { FatalError } from './batch-client';
import { checkpointPath, rejectsPath } from './checkpoint';
import { ImportSummary, runImport } from './importer';

const EXIT_REJECTS = 1;
const EXIT_FATAL = 2;
const EXIT_INTERRUPTED = 130;

function report(args: ImportArgs, s: ImportSummary): string {
  const rate = Math.round(s.created / Math.max(0.001, s.seconds));
  const lines = [
    `read ${s.read} lines${s.skipped > 0 ? ` (resumed after line ${s.skipped})` : ''}: ` +
      `${s.created} created, ${s.rejected} rejected, ${s.alreadyExisted} already existed, ` +
      `in ${s.seconds.toFixed(1)} s (${rate} users/s)`,
  ];
  if (s.rejected + s.alreadyExisted > 0) lines.push(`rejects: ${rejectsPath(args.file)}`);
  if (s.interrupted)
    lines.push(`interrupted: run the same command again to resume (${checkpointPath(args.file)})`);
  return lines.join('\n');
}

/** `npm run users:import -- FILE.ndjson`: see USAGE. Errors are one line on stderr. */
async function main(): Promise<number> {
  let args: ImportArgs | 'help';
  try {
    args = parseImportArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`users:import: ${error.message} (--help for usage)\n`);
      return EXIT_FATAL;
    }
    throw error;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const stop = { requested: false };
  // The first Ctrl-C stops reading and lets the requests in flight be answered and checkpointed; a second
  // one leaves at once (the checkpoint on disk is still a correct place to resume from).
  process.on('SIGINT', () => {
    if (stop.requested) process.exit(EXIT_INTERRUPTED);
    stop.requested = true;
  });
  process.on('SIGTERM', () => (stop.requested = true));
  try {
    const summary = await runImport(args, stop);
    process.stdout.write(`${report(args, summary)}\n`);
    if (summary.interrupted) return EXIT_INTERRUPTED;
    return summary.rejected > 0 ? EXIT_REJECTS : 0;
  } catch (error) {
    const message = error instanceof FatalError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`users:import: ${message}\n`);
    return EXIT_FATAL;
  }
}

void main().then((code) => process.exit(code));
