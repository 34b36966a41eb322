import type { StoredEvent } from '@libs/event-store';

/** The payload of every relay job: the stored event, with its date as ISO text. Job name = event type, job id = event id. */
export interface EventJobData {
  position: number;
  id: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  occurredAt: string;
}

/** What a subscription may look at to decide: enough to route, never a reason to load more. */
export type RoutedEvent = Pick<StoredEvent, 'type' | 'streamType' | 'data'>;

/**
 * A consumer's subscription, declared in the module that reacts (the relay holds no domain rules): the
 * queue it reads, which is also its name in `processed_events` and `consumer_progress`, and the events it
 * wants. The relay adds a job to the queue only for accepted events, and the reconciler checks that every
 * accepted event was processed.
 */
export interface EventSubscription {
  readonly queue: string;
  accepts(event: RoutedEvent): boolean;
}

export function toJobData(event: StoredEvent): EventJobData {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}
