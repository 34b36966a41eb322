import './process/signals';
import 'reflect-metadata';
import pino from 'pino';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './config';
import { PinoNestLogger } from './common';
import { createHttpApp, LOG_REDACTIONS } from './http';
import { processShutdown } from './process';
import { WorkerModule } from './worker.module';

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
  // One JSON log stream for every role (the API's requests log through Fastify's pino as well).
  const logger =
    config.LOG_LEVEL === 'silent'
      ? false
      : new PinoNestLogger(pino({ level: config.LOG_LEVEL, redact: [...LOG_REDACTIONS] }));
  Logger.overrideLogger(logger);
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
      logger,
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
