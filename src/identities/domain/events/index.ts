import { EventRegistry, RecordedEvent } from '@libs/event-store';
import { IdentityCreatedEvent } from './identity-created.event';
import { IdentityDeletedEvent } from './identity-deleted.event';

export * from './identity-created.event';
export * from './identity-deleted.event';

export type IdentityEvent = IdentityCreatedEvent | IdentityDeletedEvent;

export const IDENTITY_STREAM = 'identity';

/** Type strings are stored forever: never rename one; bump `schemaVersion` and add an upcaster instead. */
export const IDENTITY_EVENTS = new EventRegistry<IdentityEvent>(({ data }) =>
  typeof data.userId === 'string' ? data.userId : undefined,
)
  .register(IdentityCreatedEvent)
  .register(IdentityDeletedEvent);

/** Narrows a decoded event of any stream to an identity event. */
export function isIdentityEvent(recorded: RecordedEvent): recorded is RecordedEvent<IdentityEvent> {
  return recorded.streamType === IDENTITY_STREAM;
}
