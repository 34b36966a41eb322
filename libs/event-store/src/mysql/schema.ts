/**
 * DDL of the event store. The application's migrations run these statements; tests use them to build a
 * throw-away database. `events` is append-only: nothing in this codebase deletes its rows or changes what they
 * say. The one update, `resealHistory`, changes only how personal fields are stored (clear → sealed).
 */
export const EVENT_STORE_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS events (
    position BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    id CHAR(36) CHARACTER SET ascii NOT NULL,
    stream_type VARCHAR(32) CHARACTER SET ascii NOT NULL,
    stream_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    version INT UNSIGNED NOT NULL,
    type VARCHAR(100) CHARACTER SET ascii NOT NULL,
    schema_version SMALLINT UNSIGNED NOT NULL DEFAULT 1,
    data LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    metadata TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    occurred_at DATETIME(3) NOT NULL,
    PRIMARY KEY (position),
    UNIQUE KEY uq_events_id (id),
    UNIQUE KEY uq_events_stream_version (stream_type, stream_id, version)
  ) ENGINE=InnoDB`,
  `CREATE TABLE IF NOT EXISTS unique_constraints (
    scope VARCHAR(64) CHARACTER SET ascii NOT NULL,
    value VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    stream_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (scope, value)
  ) ENGINE=InnoDB`,
];

/**
 * Data keys of the sealed event fields, one live key per subject (the highest generation); a destroyed key
 * keeps its row with `wrapped` NULL, so events sealed with it decode as erased. Created by its own migration.
 */
export const DATA_KEYS_DDL = `CREATE TABLE IF NOT EXISTS data_keys (
    id CHAR(36) CHARACTER SET ascii NOT NULL,
    subject VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    generation INT UNSIGNED NOT NULL,
    master_key_id VARCHAR(32) CHARACTER SET ascii NULL,
    wrapped VARCHAR(255) CHARACTER SET ascii NULL,
    created_at DATETIME(3) NOT NULL,
    destroyed_at DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_data_keys_subject_generation (subject, generation)
  ) ENGINE=InnoDB`;

/** Lets a rotation find what an old master key wraps, and the start-up check list master keys, without a full scan. */
export const DATA_KEYS_MASTER_KEY_INDEX_DDL =
  'ALTER TABLE data_keys ADD KEY ix_data_keys_master_key (master_key_id)';

/** How far `resealHistory` has walked `events` (one row per walk), so a stopped walk resumes there. */
export const RESEAL_CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS reseal_checkpoints (
    name VARCHAR(64) CHARACTER SET ascii NOT NULL,
    position BIGINT UNSIGNED NOT NULL,
    sealed BIGINT UNSIGNED NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (name)
  ) ENGINE=InnoDB`;
