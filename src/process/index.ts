/** The process module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { processShutdown } from './shutdown';
