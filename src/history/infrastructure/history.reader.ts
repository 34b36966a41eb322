import { Inject, Injectable } from '@nestjs/common';
import { CompiledQueries, cursorCondition, orderByClause, SqlFragment } from '@libs/appwrite-queries';
import { EVENT_COLUMNS, EventRow, RecordedEvent, storedEventFromRow } from '@libs/event-store';
import { CursorNotFoundError } from '@libs/http';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { TOTAL_CAP } from '../../common';
import { AppEventDecoder, EVENT_DECODER, MYSQL_POOL } from '../../database';
import type { AnyEvent } from '../../events';
import { USER_STREAM } from '../../users';
import { HISTORY_QUERY_SCHEMA } from './history-query.schema';

/** Whose history, and which of the streams about that user. */
export interface HistorySelection {
  userId: string;
  /** Always holds the user's own stream type; `session` and `identity` add those streams. */
  streamTypes: readonly string[];
}

export interface HistoryPage {
  total: number;
  events: Array<RecordedEvent<AnyEvent>>;
}

/**
 * Reads a user's events in global order from the `(user_id, position)` index of `events` (see the
 * events-by-user migration) and decodes them through the one decode path: no row is read any other way.
 */
@Injectable()
export class HistoryReader {
  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(EVENT_DECODER) private readonly decoder: AppEventDecoder,
  ) {}

  /** Whether the user's stream was ever started (a deleted user's stream still exists). */
  async exists(userId: string): Promise<boolean> {
    const [rows] = await this.pool.execute<RowDataPacket[]>(
      'SELECT 1 FROM events WHERE stream_type = ? AND stream_id = ? LIMIT 1',
      [USER_STREAM, userId],
    );
    return rows.length > 0;
  }

  async page(
    selection: HistorySelection,
    compiled: CompiledQueries,
    withTotal: boolean,
  ): Promise<HistoryPage> {
    const filters: SqlFragment[] = [this.selected(selection)];
    if (compiled.where.sql) filters.push(compiled.where);
    const pageFilters = [...filters];
    if (compiled.cursor) pageFilters.push(await this.afterCursor(selection, compiled));
    const before = compiled.cursor?.direction === 'before';
    const page = where(pageFilters);
    const [rows] = await this.pool.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE ${page.sql}
       ORDER BY ${orderByClause(compiled, HISTORY_QUERY_SCHEMA, before)} LIMIT ? OFFSET ?`,
      [...page.params, compiled.limit, compiled.offset],
    );
    if (before) rows.reverse();
    const events = (await this.decoder.decodeAll(rows.map(storedEventFromRow))) as Array<
      RecordedEvent<AnyEvent>
    >;
    return { total: withTotal ? await this.count(filters) : 0, events };
  }

  /** Every selected event after `position`, at most `limit`, oldest first (for the export's walk). */
  async after(
    selection: HistorySelection,
    position: number,
    limit: number,
  ): Promise<Array<RecordedEvent<AnyEvent>>> {
    const selected = this.selected(selection);
    const [rows] = await this.pool.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE ${selected.sql} AND e.position > ? ORDER BY e.position LIMIT ?`,
      [...selected.params, position, limit],
    );
    return (await this.decoder.decodeAll(rows.map(storedEventFromRow))) as Array<RecordedEvent<AnyEvent>>;
  }

  private selected({ userId, streamTypes }: HistorySelection): SqlFragment {
    return { sql: 'e.user_id = ? AND e.stream_type IN (?)', params: [userId, streamTypes] };
  }

  /** The cursor must be an event of this same history; another user's event is no cursor here. */
  private async afterCursor(selection: HistorySelection, compiled: CompiledQueries): Promise<SqlFragment> {
    const selected = this.selected(selection);
    const id = compiled.cursor!.id;
    const [rows] = await this.pool.query<RowDataPacket[]>(
      `SELECT e.position FROM events e WHERE e.id = ? AND ${selected.sql}`,
      [id, ...selected.params],
    );
    if (!rows[0]) throw new CursorNotFoundError(id, 'Event');
    return cursorCondition(compiled, { $sequence: Number(rows[0].position) }, HISTORY_QUERY_SCHEMA);
  }

  /** Appwrite's list total: every match up to its counting cap. */
  private async count(filters: SqlFragment[]): Promise<number> {
    const all = where(filters);
    const [rows] = await this.pool.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS total FROM (SELECT 1 FROM events e WHERE ${all.sql} LIMIT ${TOTAL_CAP}) m`,
      all.params,
    );
    return Number(rows[0]?.total ?? 0);
  }
}

function where(filters: SqlFragment[]): SqlFragment {
  return {
    sql: filters.map((f) => `(${f.sql})`).join(' AND '),
    params: filters.flatMap((f) => f.params),
  };
}
