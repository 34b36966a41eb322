/** The events module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { ALL_EVENTS } from './all-events';
export type { AnyEvent } from './all-events';
