import 'reflect-metadata';
import { INestApplicationContext, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './config/config';
import { createHttpApp } from './http/create-http-app';
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

  const running: INestApplicationContext[] = [];
  if (config.ROLE === 'api' || config.ROLE === 'all') {
    const app = await createHttpApp(config);
    await app.listen({ port: config.PORT, host: config.HOST });
    running.push(app);
    Logger.log(`API listening on http://${config.HOST}:${config.PORT} (docs at /docs)`, 'Main');
  }
  if (config.ROLE === 'worker' || config.ROLE === 'all') {
    running.push(
      await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
        abortOnError: false,
        logger: nestLogLevels(config.LOG_LEVEL),
      }),
    );
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    Logger.log(`${signal} received: draining`, 'Main');
    const timer = setTimeout(() => {
      Logger.error(`Shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting`, undefined, 'Main');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    // app.close() stops accepting connections, waits for in-flight requests, then runs shutdown hooks.
    for (const context of running) await context.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
