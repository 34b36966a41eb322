import { Logger, LogLevel } from '@nestjs/common';

/** Nest levels shown at each LOG_LEVEL (pino's names, as the API maps them). */
const LEVELS: Record<string, LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/**
 * Applies LOG_LEVEL to Nest's default logger before the worker starts. With ROLE=worker alone the service
 * never does (only the API installs its pino logger, which ROLE=all then shares): the worker would log
 * every level, e.g. one DEBUG line per revoked user, which would cost the measured worker CPU.
 */
const level = process.env.LOG_LEVEL ?? 'info';
if (level === 'silent') Logger.overrideLogger(false);
else Logger.overrideLogger(LEVELS[level] ?? LEVELS.info);
