import type { Pool } from 'mysql2/promise';
import { MicroBatcher } from '../common';
import type { EventJobData } from './relay.contract';

/**
 * Each consumer's record of the events it has processed, in MySQL: the reconciler compares it with the event
 * store, so a job that Redis loses is found and delivered again. Concurrent jobs share one multi-row insert.
 */
export class ProcessedEvents {
  private readonly batcher = new MicroBatcher<Pick<EventJobData, 'id' | 'position'>>((events) =>
    this.write(events),
  );

  constructor(
    private readonly pool: Pool,
    readonly consumer: string,
  ) {}

  record(event: Pick<EventJobData, 'id' | 'position'>): Promise<void> {
    return this.batcher.add(event);
  }

  private async write(events: Array<Pick<EventJobData, 'id' | 'position'>>): Promise<void> {
    await this.pool.query(
      'INSERT IGNORE INTO processed_events (consumer, event_id, position, processed_at) VALUES ?',
      [events.map((e) => [this.consumer, e.id, e.position, new Date()])],
    );
  }
}
