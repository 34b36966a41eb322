import { EventRegistry, RecordedEvent } from '@libs/event-store';
import { AccessTokenCreatedEvent } from './access-token-created.event';
import { AccessTokenDeletedEvent } from './access-token-deleted.event';
import { AccessTokenUpdatedEvent } from './access-token-updated.event';

export * from './access-token-created.event';
export * from './access-token-deleted.event';
export * from './access-token-updated.event';

export type AccessTokenEvent = AccessTokenCreatedEvent | AccessTokenUpdatedEvent | AccessTokenDeletedEvent;

export const ACCESS_TOKEN_STREAM = 'access_token';

/** Type strings are stored forever: never rename one; bump `schemaVersion` and add an upcaster instead. */
export const ACCESS_TOKEN_EVENTS = new EventRegistry<AccessTokenEvent>(({ data }) =>
  typeof data.userId === 'string' ? data.userId : undefined,
)
  .register(AccessTokenCreatedEvent)
  .register(AccessTokenUpdatedEvent)
  .register(AccessTokenDeletedEvent);

/** Narrows a decoded event of any stream to an access token event. */
export function isAccessTokenEvent(recorded: RecordedEvent): recorded is RecordedEvent<AccessTokenEvent> {
  return recorded.streamType === ACCESS_TOKEN_STREAM;
}
