import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APPWRITE_COMPAT_VERSION } from './appwrite-error';
import { toAppwriteError } from './to-appwrite-error';

/** Writes `{message, code, type, version}` with `code` = the HTTP status, for every error of every route. */
export function sendAppwriteError(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const error = toAppwriteError(exception, request.headers?.['x-appwrite-response-format']);
  if (error.unexpected) {
    Logger.error(
      { err: exception, reqId: request.id, method: request.method, url: request.url },
      (exception as Error)?.stack ?? String(exception),
      'UnhandledError',
    );
  }
  if (reply.sent) return;
  void reply
    .status(error.status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ message: error.message, code: error.status, type: error.type, version: APPWRITE_COMPAT_VERSION });
}

@Catch()
export class AppwriteExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendAppwriteError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}
