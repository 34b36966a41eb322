import { STATUS_CODES } from 'node:http';
import { APPWRITE_COMPAT_VERSION } from './appwrite-error';
import { appwriteTypeForStatus } from './to-appwrite-error';

/** The Appwrite error body for a bare status, for answers written outside Fastify's reply. */
export function appwriteErrorJson(status: number, message: string): string {
  return JSON.stringify({
    message,
    code: status,
    type: appwriteTypeForStatus(status),
    version: APPWRITE_COMPAT_VERSION,
  });
}

/** Node's parser errors by code; anything else it refuses is a malformed request (400). */
const CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  // Node counts the request line with the headers, so an over-long URL lands here too.
  HPE_HEADER_OVERFLOW: {
    status: 431,
    message: 'The request URL and headers are larger than the server accepts.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'The request was not received in time.' },
  HPE_INVALID_CONTENT_LENGTH: { status: 400, message: 'The Content-Length header is not valid.' },
  HPE_UNEXPECTED_CONTENT_LENGTH: {
    status: 400,
    message: 'Content-Length cannot be sent with Transfer-Encoding.',
  },
};

const MALFORMED = { status: 400, message: 'The request is not valid HTTP.' };

/**
 * The complete HTTP/1.1 answer to a request Node's parser refused (the server's `clientError` event),
 * written to the socket by hand because no request or reply object exists yet. The connection is closed
 * after it: the parser cannot tell where the next request would start.
 */
export function clientErrorResponse(error: { code?: unknown }, requestId: string): string {
  const { status, message } = (typeof error.code === 'string' && CLIENT_ERRORS[error.code]) || MALFORMED;
  return rawAppwriteErrorResponse(status, message, requestId);
}

/** A complete HTTP/1.1 response with an Appwrite error body that closes the connection. */
export function rawAppwriteErrorResponse(status: number, message: string, requestId: string): string {
  const body = appwriteErrorJson(status, message);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
