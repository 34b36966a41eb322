import type { EventDecoder, EventStore, RecordedEvent } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { BatchedInserts } from './batched-inserts';
import type { ReadModel } from './read-model';

interface Fetched {
  events: Array<RecordedEvent>;
  /** The position of the last event read, projected or not. */
  last: number;
  walked: number;
  more: boolean;
}

export interface ReplayOptions {
  /** Events read (and committed to the shadow tables) per batch. */
  batch: number;
  /** Called after each batch with the number of events it walked over. */
  advanced?: (events: number) => void;
}

/**
 * Replays the events in (after, upTo] into the read models' tables on `target`: read in batches by position
 * from the store, decoded through the one decode path, each batch projected by the modules' own projections
 * and committed as one transaction. Memory holds one batch at a time, whatever the length of the history.
 */
export class Replay {
  private readonly streamTypes: Set<string>;

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly decoder: Pick<EventDecoder, 'decodeAll'>,
    private readonly models: readonly ReadModel[],
    private readonly target: PoolConnection,
  ) {
    this.streamTypes = new Set(models.flatMap((model) => model.streamTypes));
  }

  /**
   * Returns the number of events projected (those of the models' streams). The next batch is read and decoded
   * while the current one is projected: two batches in memory at most.
   */
  async run(after: number, upTo: number, options: ReplayOptions): Promise<number> {
    let projected = 0;
    let next = after < upTo ? this.fetch(after, upTo, options.batch) : undefined;
    while (next) {
      const batch = await next;
      if (!batch) break;
      next = batch.more ? this.fetch(batch.last, upTo, options.batch) : undefined;
      try {
        await this.project(batch.events);
      } catch (error) {
        await next?.catch(() => undefined);
        throw error;
      }
      projected += batch.events.length;
      options.advanced?.(batch.walked);
    }
    return projected;
  }

  /** The events after `after` (at most `limit`, none above `upTo`), decoded; undefined when there are none. */
  private async fetch(after: number, upTo: number, limit: number): Promise<Fetched | undefined> {
    const read = await this.store.readAll(after, limit);
    const inRange = read.filter((stored) => stored.position <= upTo);
    if (inRange.length === 0) return undefined;
    const last = inRange[inRange.length - 1].position;
    const events = await this.decoder.decodeAll(
      inRange.filter((stored) => this.streamTypes.has(stored.streamType)),
    );
    return { events, last, walked: inRange.length, more: inRange.length === read.length && last < upTo };
  }

  private async project(events: ReadonlyArray<RecordedEvent>): Promise<void> {
    if (events.length === 0) return;
    const batched = new BatchedInserts(this.target);
    await this.target.query('START TRANSACTION');
    try {
      for (const model of this.models) {
        const own = events.filter((event) => model.streamTypes.includes(event.streamType));
        if (own.length > 0) await model.project(batched.sql, own);
      }
      await batched.flush();
      await this.target.query('COMMIT');
    } catch (error) {
      await this.target.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
