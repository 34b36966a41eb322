import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'bullmq';
import type { Pool } from 'mysql2/promise';
import { createEventWorker, EventWorkerConfig } from './event-worker';
import { ProcessedEvents } from './processed-events';
import type { EventJobData, EventSubscription } from './relay.contract';

/**
 * The worker side of one subscription: a BullMQ worker on its queue, started once every module is ready and
 * closed (waiting for the jobs in progress) before the database pool closes, and the processed-events record
 * written after each event. `handle` must be idempotent: delivery is at least once, and the reconciler
 * delivers again whatever was not recorded.
 */
export abstract class EventProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private worker: Worker | undefined;
  private readonly processed: ProcessedEvents;

  protected constructor(
    readonly subscription: EventSubscription,
    pool: Pool,
    private readonly workerConfig: EventWorkerConfig,
  ) {
    this.processed = new ProcessedEvents(pool, subscription.queue);
  }

  /** Applies the event. Throw to retry with backoff; `UnrecoverableError` for an event that can never apply. */
  protected abstract handle(event: EventJobData): Promise<void>;

  onApplicationBootstrap(): void {
    this.worker = createEventWorker(
      this.subscription.queue,
      (event) => this.consume(event),
      this.workerConfig,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }

  /** One delivery of an event: events the subscription does not want (a stray job) are only recorded. */
  async consume(event: EventJobData): Promise<void> {
    if (this.subscription.accepts(event)) await this.handle(event);
    await this.processed.record(event);
  }
}
