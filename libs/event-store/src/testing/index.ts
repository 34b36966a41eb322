export * from './in-memory-event-store';
export * from './aggregate-spec';
