import { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger } from 'fastify';
import { connectionFailure } from './dependencies/connection-errors';
import { DependencyUnavailableError } from './dependencies/dependency.errors';
import { statusForError } from './dependencies/dependency-status';

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace';

/**
 * Nest's logger interface on top of Fastify's pino, so the whole process writes one JSON log stream.
 *
 * Every line gets a readable `msg`: an Error logs its message (its stack goes in `err`), not an empty string.
 * A connection error of MySQL or Redis is reported to that server's status, which logs the outage once per
 * interval, and is only a debug line itself: during an outage every request fails the same way, and a stack
 * trace per request buried the one line that mattered.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: FastifyBaseLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    // Nest's error(message, stack?, context?): with one parameter it is a stack when it looks like one.
    const [first, second] = params;
    const looksLikeStack = typeof first === 'string' && /\n\s+at /.test(first);
    const stack = typeof first === 'string' && (params.length > 1 || looksLikeStack) ? first : undefined;
    const context = params.length > 1 ? second : looksLikeStack ? undefined : first;
    this.write('error', message, typeof context === 'string' ? [context] : [], stack);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[], stack?: string): void {
    // As Nest's ConsoleLogger: with several parameters a last string one is the context, the others are text.
    const last = params[params.length - 1];
    const context = typeof last === 'string' ? last : undefined;
    const extra = (context === undefined ? params : params.slice(0, -1)).filter((p) => typeof p === 'string');

    const fields: Record<string, unknown> = { context };
    let error: unknown;
    let text: string;
    if (message instanceof Error) {
      error = message;
      text = message.message;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
      error = (message as { err?: unknown }).err;
      text = extra.join(' ') || (error instanceof Error ? error.message : '') || stack?.split('\n')[0] || '';
    } else {
      text = [String(message), ...extra].join(' ');
    }

    if (error !== undefined && connectionFailure(error)) {
      const status = statusForError(error);
      delete fields.err;
      fields.cause = (error as Error).message;
      if (status) {
        status.down(error);
        this.pino.debug(fields, text);
      } else {
        this.pino[level](fields, text);
      }
      return;
    }
    if (error instanceof DependencyUnavailableError) {
      delete fields.err;
    } else if (error instanceof Error) {
      fields.err = error;
    } else if (stack) {
      fields.stack = stack;
    }
    this.pino[level](fields, text || String(context ?? ''));
  }
}
