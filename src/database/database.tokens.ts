/** mysql2/promise pool for the hot paths (prepared statements); TypeORM owns schema and admin tables. */
export const MYSQL_POOL = Symbol('MYSQL_POOL');
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The `MysqlDataKeys` cipher: seals events' personal fields, destroys a user's keys on erasure. */
export const DATA_KEYS = Symbol('DATA_KEYS');
/** The master keys from DATA_KEY / DATA_KEY_PREVIOUS (resolved once: a generated key warns once). */
export const MASTER_KEYS = Symbol('MASTER_KEYS');
/** The one decode path (`EventDecoder` over every module's events, opening sealed fields with DATA_KEYS). */
export const EVENT_DECODER = Symbol('EVENT_DECODER');
