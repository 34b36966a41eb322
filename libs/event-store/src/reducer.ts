import type { DomainEvent, RecordedEvent } from './types';

/**
 * One handler per event class of a union, keyed by the classes' static `type` (`[UserCreatedEvent.type]: …`):
 * the compiler refuses a map that misses a class, and each handler gets its own event type.
 */
export type EventHandlers<E extends DomainEvent, Ctx> = {
  [T in E['type']]: (ctx: Ctx, recorded: RecordedEvent<Extract<E, { type: T }>>) => Promise<void>;
};

/** Runs each event's handler in order. */
export async function reduce<E extends DomainEvent, Ctx>(
  handlers: EventHandlers<E, Ctx>,
  ctx: Ctx,
  events: ReadonlyArray<RecordedEvent<E>>,
): Promise<void> {
  for (const recorded of events) {
    const handler = handlers[recorded.event.type as E['type']] as (
      ctx: Ctx,
      recorded: RecordedEvent<E>,
    ) => Promise<void>;
    await handler(ctx, recorded);
  }
}
