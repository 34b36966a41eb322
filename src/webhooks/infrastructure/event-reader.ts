import { Inject, Injectable } from '@nestjs/common';
import type { EventDecoder, EventStore, RecordedEvent } from '@libs/event-store';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { EVENT_DECODER, EVENT_STORE, MYSQL_POOL } from '../../database';
import type { AnyEvent } from '../../events';

/** Events for deliveries and replays, read from the event store through the one decode path. */
@Injectable()
export class WebhookEventReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_DECODER) private readonly decoder: EventDecoder<AnyEvent>,
    @Inject(MYSQL_POOL) private readonly pool: Pool,
  ) {}

  /** The event at `position`, if it is the one with `id`. */
  async at(position: number, id: string): Promise<RecordedEvent<AnyEvent> | undefined> {
    const [stored] = await this.store.readAll(position - 1, 1);
    return stored?.id === id ? this.decoder.decode(stored) : undefined;
  }

  /** Up to `limit` events after `after`, decoded. */
  async page(after: number, limit: number): Promise<Array<RecordedEvent<AnyEvent>>> {
    return this.decoder.decodeAll(await this.store.readAll(after, limit));
  }

  /** The last position written so far: a replay stops there (later events reach the webhook by fan-out). */
  async lastPosition(): Promise<number> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      'SELECT COALESCE(MAX(position), 0) AS p FROM events',
    );
    return Number(rows[0].p);
  }
}
