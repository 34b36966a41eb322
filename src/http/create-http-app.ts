import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { AppConfig } from '../config';
import { PinoNestLogger } from '../common';
import { configureFastify, fastifyOptions } from './fastify-setup';
import { setupSwagger } from './swagger';

const VERSION = '0.1.0';

/** The HTTP application exactly as `npm start` runs it; end-to-end tests build it through here too. */
export async function createHttpApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(fastifyOptions(config));
  const fastify = adapter.getInstance();
  configureFastify(fastify);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: config.LOG_LEVEL === 'silent' ? false : new PinoNestLogger(fastify.log),
    abortOnError: false,
    // Our own parsers are registered in configureFastify (empty JSON bodies, form bodies).
    bodyParser: false,
  });
  setupSwagger(app, VERSION);
  await app.init();
  return app;
}
