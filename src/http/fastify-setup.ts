import { parse as parseQueryString } from 'node:querystring';
import { LogController } from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import secureJsonParse from 'secure-json-parse';
import { AppConfig } from '../config';
import { RequestContext } from '../common';
import {
  answerClientError,
  answerConnect,
  answerExpectationFailed,
  answerFrameworkError,
} from './framework-errors';
import { requestIdOf } from './request-id';

/** Secrets never reach the log, whatever a future log line includes (the API's and the worker's loggers). */
export const LOG_REDACTIONS = [
  'req.headers["x-appwrite-key"]',
  'req.headers["x-appwrite-session"]',
  'req.headers["x-appwrite-jwt"]',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  'password',
  '*.secret',
  'secret',
] as const;

export function fastifyOptions(config: AppConfig): FastifyServerOptions {
  return {
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    // The header is read (and vetted) by requestIdOf; Fastify's own reading would trust any value.
    requestIdHeader: false,
    genReqId: requestIdOf,
    // Above Node's 16 kB limit on the request line, so an over-long id reaches its route's validator and
    // gets Appwrite's 400 message instead of the router's 414.
    routerOptions: { maxParamLength: 16 * 1024 },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // One line per request (written in onResponse) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL, redact: [...LOG_REDACTIONS] },
  };
}

type BodyParser = (
  request: unknown,
  body: string | Buffer,
  done: (error: Error | null, body?: unknown) => void,
) => void;

/** JSON bodies with prototype-poisoning keys dropped; an empty body is `{}` or, without `emptyAsObject`, a 400. */
function jsonBodyParser(emptyAsObject: boolean): BodyParser {
  return (_request, body, done) => {
    const text = (body as string).trim();
    if (text === '' && emptyAsObject) return done(null, {});
    try {
      done(
        null,
        secureJsonParse.parse(text, undefined, { protoAction: 'remove', constructorAction: 'remove' }),
      );
    } catch {
      done(
        Object.assign(new Error('Request body is not valid JSON.'), {
          statusCode: 400,
          code: 'FST_ERR_CTP_INVALID_JSON_BODY',
        }),
        undefined,
      );
    }
  };
}

/**
 * Body parsing as the SDKs need it: `DELETE` sends `{}` but other clients send an empty JSON body, which
 * Fastify would refuse; prototype-poisoning keys are dropped; form bodies are accepted like Appwrite does.
 */
export function configureFastify(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, jsonBodyParser(true));
  // RFC 7396 merge patches (`PATCH /v1/users/{id}/prefs`): JSON with the same limits and the same poisoning
  // protection; an empty body is no patch at all, so it is refused rather than read as `{}`.
  fastify.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, jsonBodyParser(false));
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, { ...parseQueryString(body as string) });
    },
  );

  fastify.server.on('checkExpectation', answerExpectationFailed);
  fastify.server.on('connect', answerConnect);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    const userAgent = request.headers['user-agent'];
    RequestContext.run({ requestId: String(request.id), ip: request.ip, userAgent: userAgent ?? '' }, done);
  });
  // While draining, answers in flight close their keep-alive connection, so close() does not wait for the
  // clients' idle sockets (Fastify only closes the connections that are idle when close() starts).
  let draining = false;
  fastify.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });
}
