import { Logger } from '@nestjs/common';
import type { FastifyBaseLogger } from 'fastify';
import { DependencyUnavailableError } from './dependencies/dependency.errors';
import { dependencyStatus } from './dependencies/dependency-status';
import { PinoNestLogger } from './pino-nest-logger';

describe('PinoNestLogger', () => {
  let calls: Array<{ level: string; fields: Record<string, unknown>; msg: string }>;
  let logger: PinoNestLogger;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    calls = [];
    const record = (level: string) => (fields: Record<string, unknown>, msg: string) =>
      calls.push({ level, fields, msg });
    const pino = {
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
      debug: record('debug'),
    };
    logger = new PinoNestLogger(pino as unknown as FastifyBaseLogger);
  });

  it('logs an Error with its message as msg and the error in err (never an empty msg)', () => {
    const error = Object.assign(new Error('boom'), { code: 'X' });
    logger.error(error, undefined, 'ExceptionHandler');
    expect(calls).toEqual([
      { level: 'error', fields: { context: 'ExceptionHandler', err: error }, msg: 'boom' },
    ]);
  });

  it('reads parameters as Nest does: an object, then a message, then the context', () => {
    logger.warn({ queue: 'q' }, 'Queue connection error', 'EventWorker');
    logger.log('Relay active', 'EventRelay');
    expect(calls).toEqual([
      { level: 'warn', fields: { context: 'EventWorker', queue: 'q' }, msg: 'Queue connection error' },
      { level: 'info', fields: { context: 'EventRelay' }, msg: 'Relay active' },
    ]);
  });

  it('uses the first line of a stack as msg when an object comes with a stack only', () => {
    const stack = 'Error: bad\n    at f (x.js:1:1)';
    logger.error({ reqId: 'r' }, stack, 'UnhandledError');
    expect(calls).toEqual([
      { level: 'error', fields: { context: 'UnhandledError', reqId: 'r', stack }, msg: 'Error: bad' },
    ]);
  });

  it('reports a connection error of a known server to its status, and logs the request at debug only', () => {
    const status = dependencyStatus('mysql', 'mysql://root@127.0.0.1:3399/identity', 30_000);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3399'), {
      code: 'ECONNREFUSED',
      fatal: true,
      port: 3399,
    });
    logger.error({ err: refused, reqId: 'r1' }, refused.stack, 'UnhandledError');
    expect(status.isDown).toBe(true);
    expect(calls).toEqual([
      {
        level: 'debug',
        fields: { context: 'UnhandledError', reqId: 'r1', cause: refused.message },
        msg: refused.message,
      },
    ]);
  });

  it('logs a start-up failure of a dependency as its one-line message, without a stack', () => {
    logger.error(
      new DependencyUnavailableError('MySQL at h:1 is not answering'),
      undefined,
      'ExceptionHandler',
    );
    expect(calls).toEqual([
      { level: 'error', fields: { context: 'ExceptionHandler' }, msg: 'MySQL at h:1 is not answering' },
    ]);
  });
});
