import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// A client's id is echoed in a response header and written to logs and to every event's metadata, so only
// a short token of plain characters is kept; anything else could forge log lines or bloat the event store.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `X-Request-Id` when it is short and printable, a fresh UUID otherwise. */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
}
