import './process/signals';
import 'reflect-metadata';
import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './config';
import { createHttpApp } from './http';
import { processShutdown } from './process';
import { WorkerModule } from './worker.module';

/** Nest's levels for LOG_LEVEL, for the worker context (the API logs through Fastify's pino). */
function nestLogLevels(level: string): LogLevel[] | false {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const index: Record<string, number> = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };
  return level === 'silent' ? false : order.slice(0, (index[level] ?? 3) + 1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const levels = nestLogLevels(config.LOG_LEVEL);
  Logger.overrideLogger(levels);
  processShutdown.configure({
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    log: (message) => Logger.log(message, 'Main'),
  });
  Logger.log(`Starting (ROLE=${config.ROLE})`, 'Main');

  if (config.ROLE === 'api' || config.ROLE === 'all') {
    const app = await createHttpApp(config);
    if (!processShutdown.add(app)) return;
    await app.listen({ port: config.PORT, host: config.HOST });
    Logger.log(`API listening on http://${config.HOST}:${config.PORT} (docs at /docs)`, 'Main');
  }
  if (config.ROLE === 'worker' || config.ROLE === 'all') {
    const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      abortOnError: false,
      logger: levels,
    });
    if (!processShutdown.add(worker)) return;
    Logger.log('Worker started: relay and queue processors running', 'Main');
  }
}

main().catch((error: unknown) => {
  // A failure caused by the shutdown itself (connections closed under a booting module) is not a failure.
  if (processShutdown.requested) return;
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
