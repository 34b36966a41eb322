import { Logger } from '@nestjs/common';
import type { EventDecoder, EventStore, StoredEvent } from '@libs/event-store';
import { deadLettersTotal, reconcilerRedeliveredTotal } from '../common';
import type { EventSubscription } from './relay.contract';
import { SubscriptionMatcher } from './subscription-matcher';

/** What BullMQ knows of an event's job: still to run, failed for good, or gone (lost, or done unrecorded). */
export type JobState = { state: 'pending' } | { state: 'failed'; reason: string } | { state: 'gone' };

/** One consumer's queue, as the reconciler sees it. */
export interface ReconciledQueue {
  readonly subscription: EventSubscription;
  inspect(eventIds: string[]): Promise<Map<string, JobState>>;
  /** Adds the events again under their own job ids, replacing a finished job of the same id. */
  resend(events: StoredEvent[]): Promise<void>;
}

/** Each consumer's progress in MySQL: every event it accepts up to `position` is processed or dead. */
export interface ConsumerProgressStore {
  /** The consumer's position; a consumer never seen before starts at `initial`. */
  load(consumer: string, initial: number): Promise<number>;
  save(consumer: string, position: number): Promise<void>;
  /** The ids among `eventIds` that the consumer processed or gave up on (dead letters). */
  settled(consumer: string, eventIds: string[]): Promise<Set<string>>;
  deadLetter(consumer: string, event: StoredEvent, reason: string): Promise<void>;
  /** Drops processed-event records at or below the consumer's position: the position now says it. */
  prune(consumer: string, upTo: number): Promise<void>;
}

export interface ReconcilerOptions {
  /** How often a pass runs. */
  intervalMs: number;
  /** How long an accepted event may stay unprocessed before it is delivered again. */
  redeliverAfterMs: number;
  batchSize: number;
  now?: () => number;
}

export interface ReconcileReport {
  redelivered: number;
  deadLettered: number;
}

/**
 * Redis is a transport, not the record. Each consumer records what it processed in MySQL; the reconciler walks
 * the event store behind each consumer's progress and delivers again every accepted event that is still not
 * processed `redeliverAfterMs` after it happened and has no job left to run: a job lost with a Redis restarted
 * empty, removed by hand, or done without its record. A job that failed for good is recorded as a dead letter
 * and no longer holds the consumer back. Runs only beside the active relay, behind its checkpoint.
 */
export class ConsumerReconciler {
  private readonly logger = new Logger('Reconciler');
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private failing = false;

  constructor(
    private readonly deps: {
      store: Pick<EventStore, 'readAll'>;
      decoder: Pick<EventDecoder, 'decode'>;
      queues: readonly ReconciledQueue[];
      progress: ConsumerProgressStore;
      /** The relay's checkpoint: events up to it have been handed to the queues. */
      delivered: () => number;
    },
    private readonly options: ReconcilerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.running = this.running.then(() => this.reconcile().catch((error) => this.failed(error)));
    }, this.options.intervalMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass over every consumer. */
  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { redelivered: 0, deadLettered: 0 };
    for (const queue of this.deps.queues) {
      const one = await this.reconcileConsumer(queue);
      report.redelivered += one.redelivered;
      report.deadLettered += one.deadLettered;
    }
    if (this.failing) this.logger.log('Reconciling again');
    this.failing = false;
    return report;
  }

  private async reconcileConsumer(queue: ReconciledQueue): Promise<ReconcileReport> {
    const { subscription } = queue;
    const consumer = subscription.queue;
    const limit = this.deps.delivered();
    const report: ReconcileReport = { redelivered: 0, deadLettered: 0 };
    const start = await this.deps.progress.load(consumer, limit);
    let position = start;
    for (;;) {
      const read = await this.deps.store.readAll(position, this.options.batchSize);
      const events = read.filter((e) => e.position <= limit);
      if (events.length === 0) break;
      const accepted = await new SubscriptionMatcher(this.deps.decoder).filter(subscription, events);
      const wanted = new Set(accepted.map((e) => e.id));
      const settled =
        accepted.length > 0
          ? await this.deps.progress.settled(
              consumer,
              accepted.map((e) => e.id),
            )
          : new Set<string>();
      const cutoff = this.now() - this.options.redeliverAfterMs;
      const overdue: StoredEvent[] = [];
      let next = position;
      let blocked = false;
      for (const event of events) {
        const done = !wanted.has(event.id) || settled.has(event.id);
        if (!done) {
          blocked = true;
          if (event.occurredAt.getTime() <= cutoff) overdue.push(event);
        }
        if (!blocked) next = event.position;
      }
      if (overdue.length > 0) {
        const outcome = await this.redeliver(queue, overdue);
        report.redelivered += outcome.redelivered;
        report.deadLettered += outcome.deadLettered;
      }
      if (next > position) {
        await this.deps.progress.save(consumer, next);
        position = next;
      }
      if (blocked || events.length < this.options.batchSize) break;
    }
    if (position > start) await this.deps.progress.prune(consumer, position);
    return report;
  }

  private async redeliver(queue: ReconciledQueue, overdue: StoredEvent[]): Promise<ReconcileReport> {
    const consumer = queue.subscription.queue;
    const states = await queue.inspect(overdue.map((e) => e.id));
    const resend: StoredEvent[] = [];
    let deadLettered = 0;
    for (const event of overdue) {
      const job = states.get(event.id) ?? { state: 'gone' };
      if (job.state === 'gone') resend.push(event);
      if (job.state === 'failed') {
        await this.deps.progress.deadLetter(consumer, event, job.reason);
        deadLettered++;
        this.logger.error(
          `Dead letter: ${consumer} gave up on event ${event.id} (${event.type}, position ${event.position}): ${job.reason}`,
        );
      }
    }
    if (resend.length > 0) {
      await queue.resend(resend);
      this.logger.warn(
        `Delivered ${resend.length} event(s) again to ${consumer}: their jobs were lost (first at position ${resend[0].position})`,
      );
    }
    reconcilerRedeliveredTotal.inc({ consumer }, resend.length);
    deadLettersTotal.inc({ consumer }, deadLettered);
    return { redelivered: resend.length, deadLettered };
  }

  private failed(error: unknown): void {
    // One line per outage; the next pass tries again.
    if (!this.failing) this.logger.warn(`Cannot reconcile consumers: ${(error as Error).message}`);
    this.failing = true;
  }
}
