import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run users:import -- FILE.ndjson [options]
Sends every line of FILE (a User model as GET /v1/users/export writes it, or the body of a create route with
\`algorithm\`) to POST /v1/users/batch of the running service, and resumes where an interrupted run stopped.
  --endpoint     the API's base URL (default $APPWRITE_ENDPOINT or http://localhost:3000/v1)
  --project      project id (default $APPWRITE_PROJECT or "default")
  --key          API key with users.write (default $API_KEY)
  --batch        users per request, 1-1000 (default 1000)
  --concurrency  requests in flight, 1-16 (default 2)
  --max-bytes    largest request body, 1024-67108864 (default 900000: under the server's 1 MiB BODY_LIMIT)
  --restart      ignore the checkpoint and the rejects of an earlier run, start from line 1
Writes FILE.rejects.ndjson (line, error, original text) and FILE.checkpoint.json (removed when done).
Exit: 0 every line created (or already there), 1 some lines rejected, 2 usage or connection error,
130 interrupted (the checkpoint is written; run again to resume).`;

/** A bad command line or environment: the CLI prints the message in one line and exits 2. */
export class UsageError extends Error {}

export interface ImportArgs {
  file: string;
  endpoint: string;
  project: string;
  key: string;
  batch: number;
  concurrency: number;
  maxBytes: number;
  restart: boolean;
}

function whole(option: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text ?? '') || value < min || value > max)
    throw new UsageError(`--${option} must be a whole number from ${min} to ${max}: ${text}`);
  return value;
}

/** Reads the command line, with the environment's defaults; 'help' for --help. */
export function parseImportArgs(argv: string[], env: NodeJS.ProcessEnv): ImportArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        endpoint: { type: 'string' },
        project: { type: 'string' },
        key: { type: 'string' },
        batch: { type: 'string', default: '1000' },
        concurrency: { type: 'string', default: '2' },
        'max-bytes': { type: 'string', default: '900000' },
        restart: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('give exactly one FILE.ndjson');
  const key = values.key ?? env.API_KEY ?? '';
  if (key === '') throw new UsageError('no API key: set API_KEY or pass --key');
  const endpoint = (values.endpoint ?? env.APPWRITE_ENDPOINT ?? 'http://localhost:3000/v1').replace(
    /\/+$/,
    '',
  );
  if (!/^https?:\/\//.test(endpoint)) throw new UsageError(`--endpoint must be an http(s) URL: ${endpoint}`);
  return {
    file: positionals[0],
    endpoint,
    project: values.project ?? env.APPWRITE_PROJECT ?? 'default',
    key,
    batch: whole('batch', values.batch, 1, 1000),
    concurrency: whole('concurrency', values.concurrency, 1, 16),
    maxBytes: whole('max-bytes', values['max-bytes'], 1024, 64 * 1024 * 1024),
    restart: values.restart ?? false,
  };
}
