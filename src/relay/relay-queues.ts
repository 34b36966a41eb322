import type { EventDecoder, StoredEvent } from '@libs/event-store';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { relayEventsTotal, relayLagSeconds } from '../common';
import { EVENT_JOB_OPTIONS } from './queue-connection';
import { EventJobData, EventSubscription, toJobData } from './relay.contract';
import { SubscriptionMatcher } from './subscription-matcher';

/** One relay job: name = event type, job id = event id. */
export interface RelayJob {
  name: string;
  data: EventJobData;
  opts: typeof EVENT_JOB_OPTIONS & { jobId: string };
}

/** The producer side of one subscription's queue (a BullMQ `Queue` in production). */
export interface RelayQueue {
  readonly subscription: EventSubscription;
  addBulk(jobs: RelayJob[]): Promise<unknown>;
}

export function relayJob(event: StoredEvent): RelayJob {
  return { name: event.type, data: toJobData(event), opts: { ...EVENT_JOB_OPTIONS, jobId: event.id } };
}

/** Fails at once while `producer` is not connected: a Queue would otherwise wait for Redis instead of failing. */
export function assertConnected(producer: Redis): void {
  if (producer.status !== 'ready') throw new Error(`Redis connection is ${producer.status}`);
}

/** A BullMQ queue as a relay queue. */
export function bullmqRelayQueue(subscription: EventSubscription, queue: Queue, producer: Redis): RelayQueue {
  return {
    subscription,
    addBulk: async (jobs) => {
      assertConnected(producer);
      await queue.addBulk(jobs);
    },
  };
}

/** Adds each event to every queue whose subscription accepts it; resolves once every queue has its jobs. */
export async function enqueueEvents(
  queues: readonly RelayQueue[],
  events: StoredEvent[],
  decoder: Pick<EventDecoder, 'decode'>,
): Promise<void> {
  const matcher = new SubscriptionMatcher(decoder);
  await Promise.all(
    queues.map(async (queue) => {
      const jobs = (await matcher.filter(queue.subscription, events)).map(relayJob);
      if (jobs.length > 0) await queue.addBulk(jobs);
    }),
  );
  const enqueuedAt = Date.now();
  relayEventsTotal.inc(events.length);
  for (const event of events) relayLagSeconds.observe((enqueuedAt - event.occurredAt.getTime()) / 1000);
}
