import { ArgumentInvalidError } from '@libs/http';
import { EventSourcedAggregate } from '@libs/event-store';
import {
  AccessTokenCreatedData,
  AccessTokenCreatedEvent,
  AccessTokenDeletedEvent,
  AccessTokenDeletionReason,
  AccessTokenEvent,
  AccessTokenUpdatedEvent,
} from './events';
import { AccessTokenNotFoundError } from './access-token.errors';

/**
 * A personal access token's write model: created once (active), disabled and enabled any number of times,
 * deleted at most once. A deleted token stays deleted: its id is never issued again.
 */
export class AccessTokenAggregate extends EventSourcedAggregate<AccessTokenEvent> {
  exists = false;
  deleted = false;
  userId: string | null = null;
  isActive = false;

  /** An expiry must lie after `now`. */
  create(data: AccessTokenCreatedData, now: Date): void {
    // Ids are generated, so this only guards against a replayed command.
    if (this.exists || this.deleted) throw new AccessTokenNotFoundError();
    if (data.expire !== null && new Date(data.expire).getTime() <= now.getTime())
      throw ArgumentInvalidError.invalid('expire', 'Value must be a date in the future.');
    this.apply(new AccessTokenCreatedEvent({ ...data }));
  }

  /** Disables or enables the token; the state it already has appends nothing. */
  setActive(isActive: boolean): void {
    const userId = this.assertLive();
    if (this.isActive === isActive) return;
    this.apply(new AccessTokenUpdatedEvent({ userId, isActive }));
  }

  delete(reason: AccessTokenDeletionReason): void {
    const userId = this.assertLive();
    this.apply(new AccessTokenDeletedEvent({ userId, reason }));
  }

  onAccessTokenCreatedEvent(event: AccessTokenCreatedEvent): void {
    this.exists = true;
    this.userId = event.data.userId;
    this.isActive = true;
  }

  onAccessTokenUpdatedEvent(event: AccessTokenUpdatedEvent): void {
    this.isActive = event.data.isActive;
  }

  onAccessTokenDeletedEvent(): void {
    this.exists = false;
    this.deleted = true;
    this.isActive = false;
  }

  private assertLive(): string {
    if (!this.exists || this.userId === null) throw new AccessTokenNotFoundError();
    return this.userId;
  }
}
