import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { AppModule } from '../src/app.module';
import { StderrLogger } from './support/stderr-logger';
import { ConfigError, loadConfig } from '../src/config/config';
import {
  WrapLegacyPasswordHashesCommand,
  WrapLegacyPasswordHashesResult,
} from '../src/users/commands/wrap-legacy-password-hashes/wrap-legacy-password-hashes.handler';

const USAGE = `Usage: npm run passwords:wrap-legacy [-- --batch 200]
Wraps every MD5, SHA and PHPass portable hash in argon2id at the current parameters (see the README).`;

/** Runs the wrap in batches until no fast legacy hash is left, printing progress; safe to stop and rerun. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { batch: { type: 'string', default: '200' }, help: { type: 'boolean', default: false } },
  });
  const batch = Number(values.batch);
  if (values.help || !Number.isInteger(batch) || batch < 1 || batch > 1000) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new StderrLogger(['fatal', 'error', 'warn']),
  });
  try {
    const commandBus = app.get(CommandBus);
    let total = 0;
    for (;;) {
      const result: WrapLegacyPasswordHashesResult = await commandBus.execute(
        new WrapLegacyPasswordHashesCommand(batch),
      );
      total += result.wrapped;
      process.stdout.write(`${JSON.stringify({ wrapped: total, remaining: result.remaining })}\n`);
      // Nothing wrapped in a full batch means every selected user changed meanwhile: the next run picks up.
      if (result.remaining === 0 || result.wrapped === 0) break;
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
