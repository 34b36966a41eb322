import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clientErrorResponse, sendAppwriteError } from '@libs/http';

/**
 * Fastify's router refuses a URL it cannot decode (`%ff`) before any hook runs, so neither the request-id
 * hook nor Nest's filter sees it; this writes the same Appwrite body and header they would. It replaces
 * Nest's default, which only adds the headers of `app.useSecurityHeaders()` (not used here).
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  void reply.header('x-request-id', request.id);
  sendAppwriteError(error, request, reply);
}

/**
 * The http server's `clientError` listener: Node's parser refused the request (bad `Content-Length`, headers
 * over 16 kB, a timeout), so there is no request to answer through Fastify and Node's default is a bare
 * status line. Like Node, it answers only when nothing of a response is on the wire yet, then closes.
 */
export function answerClientError(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const requestId = randomUUID();
  this.log.debug({ err: error, reqId: requestId }, 'client error');
  // Node's own test (lib/_http_server.js): a response already started on this socket must not be corrupted.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) socket.write(clientErrorResponse(error, requestId));
  socket.destroy(error);
}
