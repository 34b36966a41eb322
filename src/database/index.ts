/** The database module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { poolOptionsFromUrl } from './database-url';
export { DatabaseModule } from './database.module';
export type { AppEventDecoder } from './database.module';
export { DATA_KEYS, EVENT_DECODER, EVENT_STORE, MYSQL_POOL } from './database.tokens';
export { MASTER_KEYS } from './database.tokens';
