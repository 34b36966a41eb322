import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { hostAddress, isPublicAddress } from '../domain/webhook-url.policy';
import { guardedLookup, RefusedAddressError } from './address-guard';

/** What is read of a receiver's answer: enough for an error message, never a receiver-chosen amount. */
export const RESPONSE_READ_LIMIT = 64 * 1024;

export interface OutboundRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** `security`: verify the receiver's TLS certificate. */
  verifyTls: boolean;
  basicAuth?: { user: string; pass: string };
  allowPrivate: boolean;
}

export interface OutboundResult {
  /** The receiver's status, when it answered. */
  status?: number;
  durationMs: number;
  /** Why the delivery failed (no answer, a non-2xx status); undefined on success. */
  error?: string;
}

/**
 * One POST to a webhook's URL and nowhere else: redirects are not followed (a 3xx is a failure), the whole
 * exchange is bounded by `timeoutMs`, at most `RESPONSE_READ_LIMIT` bytes of the answer are read, and the
 * connection goes only to an address that was checked (`guardedLookup`; an IP literal is checked here).
 */
export function sendWebhook(request: OutboundRequest): Promise<OutboundResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(request.url);
  const literal = hostAddress(url);
  if (literal && !request.allowPrivate && !isPublicAddress(literal)) {
    return Promise.resolve({ durationMs: 0, error: new RefusedAddressError(literal).message });
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<OutboundResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body).toString() },
        lookup: guardedLookup(request.allowPrivate),
        rejectUnauthorized: request.verifyTls,
        auth: request.basicAuth ? `${request.basicAuth.user}:${request.basicAuth.pass}` : undefined,
        agent: false,
      },
      (res) => readAnswer(res, (text) => finish(outcome(res.statusCode ?? 0, text))),
    );
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${request.timeoutMs} ms` });
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (error) => finish({ error: error.message }));
    req.end(request.body);
  });
}

function outcome(status: number, text: string): Omit<OutboundResult, 'durationMs'> {
  if (status >= 200 && status < 300) return { status };
  const body = text.trim().slice(0, 500);
  return { status, error: `HTTP ${status}${body ? `: ${body}` : ''}` };
}

/** Reads up to the limit, then stops reading (and drops the connection) without waiting for the rest. */
function readAnswer(res: IncomingMessage, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    if (size >= RESPONSE_READ_LIMIT) return;
    chunks.push(chunk.subarray(0, RESPONSE_READ_LIMIT - size));
    size += chunk.length;
    if (size >= RESPONSE_READ_LIMIT) {
      done(Buffer.concat(chunks).toString('utf8'));
      res.destroy();
    }
  });
  res.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
  res.on('error', () => done(Buffer.concat(chunks).toString('utf8')));
}
