import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DomainEvent, EventDecoder, EventMetadata, RecordedEvent } from '@libs/event-store';
import type { Worker } from 'bullmq';
import type { Pool } from 'mysql2/promise';
import { createEventWorker, EventWorkerConfig } from './event-worker';
import { ProcessedEvents } from './processed-events';
import { closeQueueWorkers } from './queue-worker';
import { accepts, EventJobData, EventSubscription, fromJobData } from './relay.contract';

/**
 * The worker side of one subscription: a BullMQ worker on its queue, started once every module is ready and
 * closed (waiting for the jobs in progress) before the database pool closes; each job decoded through the
 * one decode path, handled if the subscription accepts it, and recorded as processed. `handle` must be
 * idempotent: delivery is at least once, and the reconciler delivers again whatever was not recorded.
 */
export abstract class EventProcessor<E extends DomainEvent>
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private worker: Worker | undefined;
  private readonly processed: ProcessedEvents;

  protected constructor(
    readonly subscription: EventSubscription<E>,
    private readonly decoder: Pick<EventDecoder, 'decode'>,
    pool: Pool,
    private readonly workerConfig: EventWorkerConfig,
  ) {
    this.processed = new ProcessedEvents(pool, subscription.queue);
  }

  /** Applies the event. Throw to retry with backoff; `UnrecoverableError` for an event that can never apply. */
  protected abstract handle(recorded: RecordedEvent<E>): Promise<void>;

  onApplicationBootstrap(): void {
    this.worker = createEventWorker(
      this.subscription.queue,
      (event) => this.consume(event),
      this.workerConfig,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await closeQueueWorkers(this.workerConfig, this.worker);
  }

  /**
   * Carries `cause` over to each of `ids` (a user's sessions, tokens, identities): one append each through
   * `apply`, made by this consumer as a system actor and caused by `cause`. An id `isGone` recognises (its
   * aggregate was removed already, by a replay or a run that crashed half-way) is skipped, which is what makes
   * the cascade idempotent.
   */
  protected async cascade(
    cause: RecordedEvent<E>,
    ids: readonly string[],
    apply: (id: string, metadata: Partial<EventMetadata>) => Promise<unknown>,
    isGone: (error: unknown) => boolean,
  ): Promise<void> {
    const metadata: Partial<EventMetadata> = {
      actor: { type: 'system', id: this.subscription.queue },
      causationId: cause.id,
      correlationId: cause.metadata.requestId,
    };
    for (const id of ids) {
      try {
        await apply(id, metadata);
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    }
  }

  /** One delivery of an event: one the subscription does not accept (a stray job) is only recorded. */
  async consume(job: EventJobData): Promise<void> {
    const recorded = await this.decoder.decode(fromJobData(job));
    if (accepts(this.subscription, recorded)) await this.handle(recorded as RecordedEvent<E>);
    await this.processed.record(job);
  }
}
