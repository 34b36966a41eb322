import type { RecordedEvent } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';

/** A column of a read table that events do not determine, so a rebuild cannot reproduce it. */
export interface IgnoredColumn {
  column: string;
  /** Why it is not event-derived, printed by `verify` so the exclusion is never silent. */
  why: string;
  /**
   * `false`: a rebuild keeps the value its own replay gave (an AUTO_INCREMENT order), rather than the live
   * row's, which could collide with it.
   */
  carry?: false;
}

/** One table a read model writes. */
export interface ReadTable {
  name: string;
  /** The primary key's columns: rows are matched on them and named by them in a difference. */
  key: readonly string[];
  ignore?: readonly IgnoredColumn[];
}

/**
 * A read model the projection tools can rebuild: its tables, the streams its events come from, and the
 * module's own projection. `project` runs the very code the append transaction runs, on a connection whose
 * default database holds the tables to write (the live one in the service, a shadow one in a rebuild).
 */
export interface ReadModel {
  name: string;
  tables: readonly ReadTable[];
  /** Stream types whose events the projection reads; others are not even decoded for it. */
  streamTypes: readonly string[];
  project(sql: PoolConnection, events: ReadonlyArray<RecordedEvent>): Promise<void>;
}
