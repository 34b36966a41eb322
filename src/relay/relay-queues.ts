import type { StoredEvent } from '@libs/event-store';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { relayEventsTotal, relayLagSeconds } from '../common/metrics/metrics';
import { EVENT_JOB_OPTIONS } from './queue-connection';
import { EventJobData, QUEUE_SUBSCRIPTIONS, QueueName, toJobData } from './relay.contract';

/** One relay job: name = event type, job id = event id. */
export interface RelayJob {
  name: string;
  data: EventJobData;
  opts: typeof EVENT_JOB_OPTIONS & { jobId: string };
}

/** The producer side of one queue (a BullMQ `Queue` in production). */
export interface RelayQueue {
  readonly name: QueueName;
  addBulk(jobs: RelayJob[]): Promise<unknown>;
}

/**
 * A BullMQ queue as a relay queue. Fails at once while `producer` is not connected: a Queue whose first
 * connection is still pending would otherwise wait for Redis instead of failing.
 */
export function bullmqRelayQueue(name: QueueName, queue: Queue, producer: Redis): RelayQueue {
  return {
    name,
    addBulk: async (jobs) => {
      if (producer.status !== 'ready') throw new Error(`Redis connection is ${producer.status}`);
      await queue.addBulk(jobs);
    },
  };
}

/** Adds each event to every queue that subscribes to it; resolves once every queue has its jobs. */
export async function enqueueEvents(queues: readonly RelayQueue[], events: StoredEvent[]): Promise<void> {
  await Promise.all(
    queues.map((queue) => {
      const jobs = events
        .filter((event) => QUEUE_SUBSCRIPTIONS[queue.name](event))
        .map((event) => ({
          name: event.type,
          data: toJobData(event),
          opts: { ...EVENT_JOB_OPTIONS, jobId: event.id },
        }));
      return jobs.length > 0 ? queue.addBulk(jobs) : undefined;
    }),
  );
  const enqueuedAt = Date.now();
  relayEventsTotal.inc(events.length);
  for (const event of events) relayLagSeconds.observe((enqueuedAt - event.occurredAt.getTime()) / 1000);
}
