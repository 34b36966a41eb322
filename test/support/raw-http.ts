import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: any;
  text: string;
}

/**
 * Sends bytes fetch refuses to send (a malformed request line, a bad Content-Length, raw `%ff`) and reads
 * one answer: complete by its Content-Length or chunks, or else by the server closing the connection.
 * Fails when no complete response arrives within `timeoutMs`; `head` says the answer has no body.
 */
export function rawRequest(
  baseUrl: string,
  request: string | Buffer,
  options: { timeoutMs?: number; head?: boolean } = {},
): Promise<RawResponse> {
  const { timeoutMs = 10_000, head = false } = options;
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `no complete answer within ${timeoutMs} ms: ${JSON.stringify(received.toString('latin1'))}`,
        ),
      );
    }, timeoutMs);
    const finish = (response: RawResponse) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(response);
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const response = parseResponse(received, false, head);
      if (response) finish(response);
    });
    // The server may close before reading all of a huge request: the write then fails, the answer is kept.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        const response = parseResponse(received, true, head);
        if (!response) throw new Error('no response');
        resolve(response);
      } catch (error) {
        reject(new Error(`${(error as Error).message}: ${JSON.stringify(received.toString('latin1'))}`));
      }
    });
  });
}

/** The first final (non-1xx) response in `raw`, or undefined while it is incomplete. */
function parseResponse(raw: Buffer, closed: boolean, head: boolean): RawResponse | undefined {
  let start = 0;
  for (;;) {
    const end = raw.indexOf('\r\n\r\n', start);
    if (end < 0) {
      if (closed) throw new Error('incomplete HTTP response head');
      return undefined;
    }
    const [statusLine, ...lines] = raw.subarray(start, end).toString('latin1').split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!match) throw new Error(`not an HTTP/1.1 status line: ${statusLine}`);
    const status = Number(match[1]);
    if (status < 200) {
      start = end + 4;
      continue;
    }
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    // The answer to HEAD announces a Content-Length but has no body.
    const bodyBytes = head ? Buffer.alloc(0) : readBody(raw.subarray(end + 4), headers, closed);
    if (!bodyBytes) return undefined;
    const text = bodyBytes.toString('utf8');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the assertions will show the text.
    }
    return { status, headers, body, text };
  }
}

function readBody(rest: Buffer, headers: Record<string, string>, closed: boolean): Buffer | undefined {
  if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (rest.length >= length) return rest.subarray(0, length);
    if (closed) throw new Error(`body shorter than Content-Length ${length}`);
    return undefined;
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const chunks: Buffer[] = [];
    let offset = 0;
    for (;;) {
      const lineEnd = rest.indexOf('\r\n', offset);
      if (lineEnd < 0) break;
      const size = parseInt(rest.subarray(offset, lineEnd).toString('latin1'), 16);
      if (size === 0) return Buffer.concat(chunks);
      if (rest.length < lineEnd + 2 + size + 2) break;
      chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      offset = lineEnd + 2 + size + 2;
    }
    if (closed) throw new Error('incomplete chunked body');
    return undefined;
  }
  return closed ? rest : undefined;
}
