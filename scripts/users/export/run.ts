import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { ExportArgs } from './args';
import { NdjsonTail } from './ndjson-tail';
import { exportProgress } from './progress';

/** Why the export stopped: 2 = nothing could start (usage, key, connection), 1 = it broke on the way. */
export class ExportFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export interface ExportSummary {
  users: number;
  bytes: number;
  seconds: number;
}

function queryString(args: ExportArgs): string {
  const params = new URLSearchParams();
  args.queries.forEach((query, i) => params.append(`queries[${i}]`, query));
  if (args.search !== undefined) params.set('search', args.search);
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function call(args: ExportArgs, path: string): Promise<Response> {
  try {
    return await fetch(`${args.endpoint}${path}${queryString(args)}`, {
      headers: { 'x-appwrite-project': args.project, 'x-appwrite-key': args.key },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ExportFailure(
      `cannot reach ${args.endpoint} (${cause?.code ?? cause?.message ?? (error as Error).message})`,
      2,
    );
  }
}

/** An Appwrite error answer as one line; 4xx is the caller's to fix (exit 2), 5xx the service's (exit 1). */
async function refused(response: Response, what: string): Promise<ExportFailure> {
  const text = await response.text();
  let detail = text.slice(0, 300);
  try {
    const body = JSON.parse(text) as { type?: string; message?: string };
    if (body.message) detail = `${body.type}: ${body.message}`;
  } catch {
    // Not an Appwrite body (another server at that URL): its first bytes say enough.
  }
  return new ExportFailure(`${what} answered ${response.status} ${detail}`, response.status < 500 ? 2 : 1);
}

async function countUsers(args: ExportArgs): Promise<number> {
  const response = await call(args, '/users/count');
  if (!response.ok) throw await refused(response, 'GET /users/count');
  return Number(((await response.json()) as { total: number }).total);
}

/** Streams the export into `FILE.partial`, then renames it to FILE; on failure the partial file stays. */
export async function runExport(args: ExportArgs): Promise<ExportSummary> {
  const started = performance.now();
  const total = await countUsers(args);
  const response = await call(args, '/users/export');
  if (!response.ok) throw await refused(response, 'GET /users/export');
  if (!response.headers.get('content-type')?.startsWith('application/x-ndjson') || !response.body) {
    throw new ExportFailure(
      `${args.endpoint}/users/export is not an NDJSON export: check APPWRITE_ENDPOINT`,
      2,
    );
  }
  const partial = `${args.file}.partial`;
  const progress = exportProgress(total);
  const tail = new NdjsonTail((lines) => progress.advance(lines));
  try {
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      tail,
      createWriteStream(partial),
    );
  } catch (error) {
    progress.done();
    const reason = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new ExportFailure(
      `the export broke after ${tail.lines} users (${reason}); they are in ${partial}`,
      1,
    );
  }
  progress.done();
  const error = tail.errorLine();
  if (error) {
    throw new ExportFailure(
      `the service ended the export after ${tail.lines - 1} users with ${error.code} ${error.type}: ` +
        `${error.message}; they are in ${partial}`,
      1,
    );
  }
  await rename(partial, args.file).catch(async (failure: Error) => {
    await rm(partial, { force: true });
    throw new ExportFailure(`cannot write ${args.file}: ${failure.message}`, 2);
  });
  return { users: tail.lines, bytes: tail.bytes, seconds: (performance.now() - started) / 1000 };
}
