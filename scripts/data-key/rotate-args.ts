import { parseArgs } from 'node:util';

export const ROTATE_USAGE = `Usage: npm run data-key:rotate [-- --batch N]
Re-wraps every data key with DATA_KEY; the master keys they were wrapped with must be in DATA_KEY_PREVIOUS.
Safe to stop and run again: it resumes with the keys not yet re-wrapped.
  --batch  data keys read per query, 1-10000 (default 500)`;

/** A bad command line: the CLI prints the message in one line and exits 2. */
export class UsageError extends Error {}

export function parseRotateArgs(argv: string[]): { batch: number; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: { batch: { type: 'string', default: '500' }, help: { type: 'boolean', short: 'h' } },
  });
  const batch = Number(values.batch);
  if (!/^\d+$/.test(values.batch ?? '') || batch < 1 || batch > 10_000) {
    throw new UsageError(`--batch must be a whole number from 1 to 10000: ${values.batch}`);
  }
  return { batch, help: values.help ?? false };
}
