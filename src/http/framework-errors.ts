import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  appwriteErrorJson,
  clientErrorResponse,
  rawAppwriteErrorResponse,
  sendAppwriteError,
} from '@libs/http';
import { requestIdOf } from './request-id';

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

/**
 * The http server's `checkExpectation` listener: an `Expect` other than `100-continue` never reaches Fastify
 * (Node answers a bare 417 itself). The 417 stays, as RFC 9110 allows and as Appwrite's proxy answers.
 */
export function answerExpectationFailed(request: IncomingMessage, response: ServerResponse): void {
  const body = appwriteErrorJson(417, 'The Expect header can only be 100-continue.');
  response.writeHead(417, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestIdOf(request),
    connection: 'close',
  });
  response.end(body);
}

/**
 * The http server's `connect` listener: Node hands a CONNECT request to it and, without one, closes the
 * socket with no answer at all. There is no proxy here, so it is an unknown route, as Nest answers any other.
 */
export function answerConnect(request: IncomingMessage, socket: Duplex): void {
  if (socket.writable) {
    socket.write(rawAppwriteErrorResponse(404, 'The requested route was not found.', requestIdOf(request)));
  }
  socket.destroy();
}
