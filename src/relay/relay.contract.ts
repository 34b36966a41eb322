import type { DomainEvent, EventClass, RecordedEvent, StoredEvent } from '@libs/event-store';

/**
 * The payload of every relay job: the stored event as it is in MySQL (personal fields still sealed: Redis
 * never holds them in clear), with its date as ISO text. Job name = event type, job id = event id.
 */
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

/**
 * A consumer's subscription, declared in the module that reacts (the relay holds no domain rules): the queue
 * it reads, which is also its name in `processed_events` and `consumer_progress`, the event classes it
 * reacts to, and optionally a narrower rule decided on the decoded event.
 */
export interface EventSubscription<E extends DomainEvent = DomainEvent> {
  readonly queue: string;
  readonly events: ReadonlyArray<EventClass<E>>;
  /** Declared as a method so that a subscription to some events is one to "any event" for the relay. */
  when?(recorded: RecordedEvent<E>): boolean;
}

/** Declares a subscription, inferring the event union from the classes. */
export function subscription<E extends DomainEvent>(declaration: EventSubscription<E>): EventSubscription<E> {
  return declaration;
}

/** Whether a subscription reacts to an event of this type at all (decides without decoding). */
export function listensTo(subscription: EventSubscription, type: string): boolean {
  return subscription.events.some((ctor) => ctor.type === type);
}

/** Whether a subscription accepts a decoded event. */
export function accepts(subscription: EventSubscription, recorded: RecordedEvent): boolean {
  return listensTo(subscription, recorded.event.type) && (subscription.when?.(recorded) ?? true);
}

export function toJobData(event: StoredEvent): EventJobData {
  return { ...event, occurredAt: event.occurredAt.toISOString() };
}

export function fromJobData(job: EventJobData): StoredEvent {
  return { ...job, occurredAt: new Date(job.occurredAt) };
}
