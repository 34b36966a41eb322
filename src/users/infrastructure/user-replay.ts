import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, RecordedEvent, StoredEvent } from '@libs/event-store';
import {
  type Connection,
  createPool,
  type Pool,
  type PoolConnection,
  type RowDataPacket,
} from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { AppEventDecoder, EVENT_DECODER, EVENT_STORE, poolOptionsFromUrl } from '../../database';
import { USER_STREAM, UserEvent } from '../domain/events';
import type { UserView } from '../queries/user.view';
import { USER_COLUMNS, UserRow, userViewFromRow } from './user.row';
import { UserProjection } from './user.projection';

/** The tables `UserProjection` writes. */
const SHADOWED = ['users', 'user_search_tokens', 'user_targets'] as const;
/** Replays are rare (an admin looking back): two connections serve them, others wait. */
const REPLAY_CONNECTIONS = 2;

/**
 * A temporary table with the definition of `table` (columns and keys) and its name, which hides the real one
 * on this connection. (`CREATE TEMPORARY TABLE t LIKE t` is refused by MariaDB.)
 */
async function shadow(connection: Connection, table: (typeof SHADOWED)[number]): Promise<void> {
  const [rows] = await connection.query<RowDataPacket[]>(`SHOW CREATE TABLE ${table}`);
  const definition = String(rows[0]['Create Table']);
  await connection.query(definition.replace(/^CREATE TABLE/, 'CREATE TEMPORARY TABLE'));
}

/** A point of a user's stream: after its `version`-th event, or at a time. */
export type UserPointInTime = { version: number } | { at: Date };

/**
 * A user as the read model showed it after an earlier event of its stream, built by the read model's own
 * reducer: the stream's first events are replayed through `UserProjection` into temporary tables that shadow
 * `users` and `user_search_tokens` on connections of its own, so no second reducer can drift from the first.
 * Each replay runs in a transaction that is rolled back: nothing it did reaches the real tables or the next
 * replay.
 */
@Injectable()
export class UserReplay implements OnApplicationShutdown {
  private pool?: Pool;
  /** The replay connections that have their shadow tables. */
  private readonly shadowed = new WeakSet<object>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore<PoolConnection>,
    @Inject(EVENT_DECODER) private readonly decoder: AppEventDecoder,
    private readonly projection: UserProjection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The user after the stream's `version`-th event, or after its events up to `at` (a prefix of the stream, so a
   * clock that stepped back cannot mix two states); undefined when no user existed then, or the stream has not
   * reached that version.
   */
  async asOf(userId: string, point: UserPointInTime): Promise<UserView | undefined> {
    const stream = await this.store.readStream(USER_STREAM, userId);
    if ('version' in point && stream.length < point.version) return undefined;
    const until =
      'version' in point
        ? (event: StoredEvent) => event.version <= point.version
        : (event: StoredEvent) => event.occurredAt.getTime() <= point.at.getTime();
    const end = stream.findIndex((event) => !until(event));
    const prefix = end === -1 ? stream : stream.slice(0, end);
    if (prefix.length === 0) return undefined;
    const events = (await this.decoder.decodeAll(prefix)) as Array<RecordedEvent<UserEvent>>;
    return this.replay(userId, events);
  }

  private async replay(
    userId: string,
    events: Array<RecordedEvent<UserEvent>>,
  ): Promise<UserView | undefined> {
    const connection = await this.replayPool().getConnection();
    try {
      if (!this.shadowed.has(connection.connection)) {
        for (const table of SHADOWED) await shadow(connection, table);
        this.shadowed.add(connection.connection);
      }
      await connection.query('START TRANSACTION');
      await this.projection.apply(connection, events);
      const [rows] = await connection.execute<UserRow[]>(
        `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`,
        [userId],
      );
      // The shadow tables are transactional: the rollback empties them for the next replay.
      await connection.query('ROLLBACK');
      connection.release();
      return rows[0] && userViewFromRow(rows[0]);
    } catch (error) {
      // Its shadow tables may hold half a replay: the connection is never used again.
      connection.destroy();
      throw error;
    }
  }

  /**
   * A pool of its own, kept apart from the application's: on its connections the shadow tables hide the real
   * ones, so none of them may ever run another statement. Made on the first replay; its connections keep their
   * shadow tables (created once per connection).
   */
  private replayPool(): Pool {
    this.pool ??= createPool({ ...poolOptionsFromUrl(this.config.DATABASE_URL, REPLAY_CONNECTIONS) });
    return this.pool;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end().catch(() => undefined);
  }
}
