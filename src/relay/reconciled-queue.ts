import type { StoredEvent } from '@libs/event-store';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobState, ReconciledQueue } from './consumer-reconciler';
import { assertConnected, relayJob } from './relay-queues';
import type { EventSubscription } from './relay.contract';

/** Redis round trips in flight at once while inspecting a backlog. */
const PARALLEL = 50;

async function inChunks<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) await Promise.all(items.slice(i, i + PARALLEL).map(fn));
}

/** A BullMQ queue as the reconciler sees it (job id = event id). */
export function bullmqReconciledQueue(
  subscription: EventSubscription,
  queue: Queue,
  producer: Redis,
): ReconciledQueue {
  return {
    subscription,
    inspect: async (eventIds) => {
      assertConnected(producer);
      const states = new Map<string, JobState>();
      await inChunks(eventIds, async (id) => {
        const state = await queue.getJobState(id);
        if (state === 'unknown' || state === 'completed') states.set(id, { state: 'gone' });
        else if (state === 'failed') {
          const job = await queue.getJob(id);
          states.set(id, { state: 'failed', reason: job?.failedReason || 'failed' });
        } else states.set(id, { state: 'pending' });
      });
      return states;
    },
    resend: async (events: StoredEvent[]) => {
      assertConnected(producer);
      // A job id that still exists would make the add a no-op.
      await inChunks(events, async (event) => {
        await (await queue.getJob(event.id))?.remove();
      });
      await queue.addBulk(events.map(relayJob));
    },
  };
}
