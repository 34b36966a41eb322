import { Transform, TransformCallback } from 'node:stream';

/** An error line is short; a longer last line is a User model. */
const TAIL_BYTES = 16 * 1024;

/**
 * Passes the export through unchanged, counting its lines as they go (for the progress bar) and keeping the
 * stream's last bytes, so that the end can tell a whole export from one the service ended with an error line.
 */
export class NdjsonTail extends Transform {
  lines = 0;
  bytes = 0;
  private tail = Buffer.alloc(0);

  constructor(private readonly onLines: (count: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let count = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count += 1;
    this.lines += count;
    this.bytes += chunk.length;
    this.tail = Buffer.concat([this.tail, chunk]).subarray(-TAIL_BYTES);
    if (count > 0) this.onLines(count);
    callback(null, chunk);
  }

  /** The `error` of a last line `{"error": {...}}`, if the export ended with one. */
  errorLine(): { message?: string; type?: string; code?: number } | undefined {
    const text = this.tail.toString('utf8').replace(/\n$/, '');
    const last = text.slice(text.lastIndexOf('\n') + 1);
    if (!last.startsWith('{"error":')) return undefined;
    try {
      return (JSON.parse(last) as { error: { message?: string; type?: string; code?: number } }).error;
    } catch {
      return undefined;
    }
  }
}
