import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run users:export -- FILE [options]
Streams every user (GET /v1/users/export) into FILE as NDJSON, one User model per line, written to
FILE.partial first and renamed to FILE once the export is whole.
  --query Q     an Appwrite filter query, as GET /v1/users takes it (repeat for more; AND-ed)
  --search S    the list's search text
  --endpoint U  the service's /v1 URL (default: APPWRITE_ENDPOINT, else http://localhost:3000/v1)
  --project P   the project id (default: APPWRITE_PROJECT, else default)
The API key comes from API_KEY only (never the command line, where other users of the machine see it); it
needs users.read, and users.hashes.read for the lines to carry the password hashes.`;

/** A bad command line: the CLI prints the message in one line and exits 2. */
export class UsageError extends Error {}

export interface ExportArgs {
  file: string;
  queries: string[];
  search?: string;
  endpoint: string;
  project: string;
  key: string;
}

/** Reads the command line and the environment. Returns 'help' for --help. */
export function parseExportArgs(argv: string[], env: NodeJS.ProcessEnv): ExportArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      query: { type: 'string', multiple: true },
      search: { type: 'string' },
      endpoint: { type: 'string' },
      project: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'say which FILE to write' : 'give one FILE only');
  }
  const endpoint = (values.endpoint ?? env.APPWRITE_ENDPOINT ?? 'http://localhost:3000/v1').replace(
    /\/+$/,
    '',
  );
  if (!/^https?:\/\/[^/]/.test(endpoint))
    throw new UsageError(`the endpoint is not an http(s) URL: ${endpoint}`);
  const key = env.API_KEY ?? '';
  if (key === '') throw new UsageError('set API_KEY to a key with the users.read scope');
  return {
    file: positionals[0],
    queries: values.query ?? [],
    ...(values.search !== undefined ? { search: values.search } : {}),
    endpoint,
    project: values.project ?? env.APPWRITE_PROJECT ?? 'default',
    key,
  };
}
