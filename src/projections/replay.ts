import type { EventDecoder, EventStore, RecordedEvent } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { BatchedInserts } from './batched-inserts';
import type { ReadModel } from './read-model';

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

  /** Returns the number of events projected (those of the models' streams). */
  async run(after: number, upTo: number, options: ReplayOptions): Promise<number> {
    let position = after;
    let projected = 0;
    while (position < upTo) {
      const read = await this.store.readAll(position, options.batch);
      const inRange = read.filter((stored) => stored.position <= upTo);
      if (inRange.length === 0) break;
      position = inRange[inRange.length - 1].position;
      const events = await this.decoder.decodeAll(
        inRange.filter((stored) => this.streamTypes.has(stored.streamType)),
      );
      await this.project(events);
      projected += events.length;
      options.advanced?.(inRange.length);
      if (inRange.length < read.length) break;
    }
    return projected;
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
