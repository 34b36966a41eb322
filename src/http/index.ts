/** The http module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { createHttpApp } from './create-http-app';
export { LOG_REDACTIONS } from './fastify-setup';
