export * from './in-memory-event-store';
export * from './aggregate-spec';
export * from './recorded';
