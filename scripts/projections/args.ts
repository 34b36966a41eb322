import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run projections -- verify|rebuild [name ...] [options]
Replays the event store into shadow tables with the modules' own projections, then
  verify   compares them with the live tables and prints every difference (exit 1 if any, 0 if none)
  rebuild  swaps them in for the live tables while the service runs (writes meanwhile are replayed too)
Names (default: all): the read models to check or rebuild.
  --batch      events per batch, 1-10000 (default 1000)
  --show       differences printed in full, 0-100000 (default 50; all are counted)
  --lock-wait  seconds the append barrier and the swap may wait for statements in progress, 1-600 (default 10)`;

/** A bad command line: the CLI prints the message in one line and exits 2. */
export class UsageError extends Error {}

export interface ProjectionsArgs {
  command: 'verify' | 'rebuild';
  names: string[];
  batch: number;
  show: number;
  lockWait: number;
}

function whole(option: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text ?? '') || value < min || value > max) {
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max}: ${text}`);
  }
  return value;
}

/** Reads the command line; `known` are the read models' names. Returns 'help' for --help. */
export function parseProjectionsArgs(argv: string[], known: readonly string[]): ProjectionsArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      batch: { type: 'string', default: '1000' },
      show: { type: 'string', default: '50' },
      'lock-wait': { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const [command, ...names] = positionals;
  if (command !== 'verify' && command !== 'rebuild') {
    throw new UsageError(
      command === undefined ? 'say verify or rebuild' : `unknown command "${command}" (verify or rebuild)`,
    );
  }
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`no read model named ${unknown.join(', ')} (there are: ${known.join(', ')})`);
  }
  return {
    command,
    names: names.length > 0 ? [...new Set(names)] : [...known],
    batch: whole('batch', values.batch, 1, 10_000),
    show: whole('show', values.show, 0, 100_000),
    lockWait: whole('lock-wait', values['lock-wait'], 1, 600),
  };
}
