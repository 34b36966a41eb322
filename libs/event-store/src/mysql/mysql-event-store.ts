import type { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { ConcurrencyError, UniqueConstraintError } from '../errors';
import { sealData } from '../decoder';
import { AppendRequest, EventCipher, EventMetadata, EventStore, NewEvent, StoredEvent } from '../types';
import { uuidv7 } from '../uuid';

const DUPLICATE_KEY = 'ER_DUP_ENTRY';
/** Two appends racing on the same unique keys can deadlock; either way the loser must re-read and retry. */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** A row of `events` selected with `EVENT_COLUMNS`. */
export interface EventRow extends RowDataPacket {
  position: number | string;
  id: string;
  stream_type: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: string | Record<string, unknown>;
  metadata: string | EventMetadata;
  occurred_at: Date;
}

/** The columns `storedEventFromRow` reads, for readers that select events with their own conditions. */
export const EVENT_COLUMNS =
  'position, id, stream_type, stream_id, version, type, schema_version, data, metadata, occurred_at';

/** MySQL 8 returns JSON columns parsed, MariaDB as text; accept both. */
const parseJson = <T>(value: string | T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** A row as stored (sealed fields still sealed): hand it to `EventDecoder`, the one decode path. */
export function storedEventFromRow(row: EventRow): StoredEvent {
  return {
    position: Number(row.position),
    id: row.id,
    streamType: row.stream_type,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    schemaVersion: row.schema_version,
    data: parseJson(row.data),
    metadata: parseJson(row.metadata),
    occurredAt: row.occurred_at,
  };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}

/**
 * Event store on one MySQL/MariaDB table. Optimistic concurrency comes from the unique key on
 * (stream_type, stream_id, version): two appends at the same expected version cannot both insert.
 * The pool must use `timezone: 'Z'` so DATETIME(3) values round-trip as UTC.
 */
export class MysqlEventStore implements EventStore<PoolConnection> {
  private readonly listeners: Array<(events: StoredEvent[]) => void> = [];

  /** Without a cipher the store refuses events with sealed fields: personal data is never written in clear. */
  constructor(
    private readonly pool: Pool,
    private readonly cipher?: EventCipher<PoolConnection>,
  ) {}

  onCommitted(listener: (events: StoredEvent[]) => void): void {
    this.listeners.push(listener);
  }

  async append(request: AppendRequest<PoolConnection>): Promise<StoredEvent[]> {
    const connection = await this.pool.getConnection();
    try {
      await connection.query('START TRANSACTION');
      try {
        const stored = await this.insertEvents(connection, request);
        await this.applyConstraints(connection, request);
        if (request.project) await request.project(connection, stored);
        await connection.query('COMMIT');
        for (const listener of this.listeners) listener(stored);
        return stored;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        if (RETRYABLE.has(errorCode(error) ?? '')) {
          throw new ConcurrencyError(request.streamType, request.streamId, request.expectedVersion);
        }
        throw error;
      }
    } finally {
      connection.release();
    }
  }

  private async insertEvents(
    connection: PoolConnection,
    request: AppendRequest<PoolConnection>,
  ): Promise<StoredEvent[]> {
    const metadata = request.metadata ?? {};
    const metadataJson = JSON.stringify(metadata);
    const occurredAt = new Date();
    const stored: StoredEvent[] = [];
    let version = request.expectedVersion;
    for (const event of request.events) {
      version += 1;
      const id = event.id ?? uuidv7(occurredAt.getTime());
      const schemaVersion = event.schemaVersion ?? 1;
      const row = await this.rowData(connection, event);
      try {
        const [result] = await connection.execute<ResultSetHeader>(
          `INSERT INTO events (id, stream_type, stream_id, version, type, schema_version, data, metadata, occurred_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            request.streamType,
            request.streamId,
            version,
            event.type,
            schemaVersion,
            JSON.stringify(row),
            metadataJson,
            occurredAt,
          ],
        );
        stored.push({
          position: Number(result.insertId),
          id,
          streamType: request.streamType,
          streamId: request.streamId,
          version,
          type: event.type,
          schemaVersion,
          data: event.data as Record<string, unknown>,
          metadata,
          occurredAt,
        });
      } catch (error) {
        if (
          errorCode(error) === DUPLICATE_KEY &&
          String((error as Error).message).includes('uq_events_stream')
        ) {
          throw new ConcurrencyError(request.streamType, request.streamId, request.expectedVersion);
        }
        throw error;
      }
    }
    return stored;
  }

  private async rowData(connection: PoolConnection, event: NewEvent): Promise<object> {
    if (!event.seal) return event.data;
    if (!this.cipher) throw new Error(`${event.type} has sealed fields and the event store has no cipher`);
    return sealData(connection, this.cipher, event.data as Record<string, unknown>, event.seal);
  }

  private async applyConstraints(
    connection: PoolConnection,
    request: AppendRequest<PoolConnection>,
  ): Promise<void> {
    const changes = request.uniqueConstraints ?? [];
    // Releases first, so a stream can release and re-claim (or hand over) values in one append.
    for (const change of changes.filter((c) => c.op === 'release')) {
      await connection.execute(
        'DELETE FROM unique_constraints WHERE scope = ? AND value = ? AND stream_id = ?',
        [change.scope, change.value, request.streamId],
      );
    }
    for (const change of changes.filter((c) => c.op === 'claim')) {
      try {
        await connection.execute(
          'INSERT INTO unique_constraints (scope, value, stream_id) VALUES (?, ?, ?)',
          [change.scope, change.value, request.streamId],
        );
      } catch (error) {
        if (errorCode(error) === DUPLICATE_KEY) throw new UniqueConstraintError(change.scope, change.value);
        throw error;
      }
    }
  }

  async readStream(streamType: string, streamId: string, afterVersion = 0): Promise<StoredEvent[]> {
    const [rows] = await this.pool.execute<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_type = ? AND stream_id = ? AND version > ? ORDER BY version`,
      [streamType, streamId, afterVersion],
    );
    return rows.map(storedEventFromRow);
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    const [rows] = await this.pool.execute<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`,
      [afterPosition, String(Math.max(1, Math.floor(limit)))],
    );
    return rows.map(storedEventFromRow);
  }
}
