import { EventRegistry } from '@libs/event-store';
import { IdentityCreatedEvent } from './identity-created.event';
import { IdentityDeletedEvent } from './identity-deleted.event';

export * from './identity-created.event';
export * from './identity-deleted.event';

export type IdentityEvent = IdentityCreatedEvent | IdentityDeletedEvent;

export const IDENTITY_STREAM = 'identity';

/** Type strings are stored forever: never rename one; bump `schemaVersion` and add an upcaster instead. */
export const IDENTITY_EVENTS = new EventRegistry<IdentityEvent>()
  .register(IdentityCreatedEvent)
  .register(IdentityDeletedEvent);
