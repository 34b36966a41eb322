import { createHash } from 'node:crypto';
import { EventSourcedAggregate } from '@libs/event-store';
import type { UniqueConstraintChange } from '@libs/event-store';
import {
  IdentityCreatedData,
  IdentityCreatedEvent,
  IdentityDeletedEvent,
  IdentityDeletionReason,
  IdentityEvent,
} from './events';
import { IdentityAlreadyExistsError, IdentityNotFoundError } from './identity.errors';

/** Scope of the (provider, providerUid) constraint; Appwrite's unique index on the same pair. */
export const PROVIDER_SCOPE = 'identity.provider';

/** `unique_constraints.value` is VARCHAR(512); a providerUid may be 2048 characters. */
const MAX_CONSTRAINT_VALUE = 512;

/**
 * `<provider>\u0000<providerUid>`. A pair too long for the constraint column is held by its SHA-256 after a
 * `\u0001` instead: providers never contain either control character, so the two forms cannot collide.
 */
export function providerConstraintValue(provider: string, providerUid: string): string {
  const value = `${provider}\u0000${providerUid}`;
  if (value.length <= MAX_CONSTRAINT_VALUE) return value;
  return `${provider}\u0001${createHash('sha256').update(providerUid).digest('hex')}`;
}

/**
 * An identity's write model: linked once, unlinked at most once. Unlinking an unlinked identity is refused,
 * so a replayed clean-up appends nothing; the id may be linked again afterwards (its history is kept).
 */
export class IdentityAggregate extends EventSourcedAggregate<IdentityEvent> {
  exists = false;
  userId: string | null = null;
  private provider = '';
  private providerUid = '';
  private readonly constraints: UniqueConstraintChange[] = [];

  override get pendingConstraints(): readonly UniqueConstraintChange[] {
    return this.constraints;
  }

  link(data: IdentityCreatedData): void {
    if (this.exists) throw new IdentityAlreadyExistsError();
    this.constraints.push({
      op: 'claim',
      scope: PROVIDER_SCOPE,
      value: providerConstraintValue(data.provider, data.providerUid),
    });
    this.apply(new IdentityCreatedEvent({ ...data }));
  }

  unlink(reason: IdentityDeletionReason): void {
    if (!this.exists || this.userId === null) throw new IdentityNotFoundError();
    this.constraints.push({
      op: 'release',
      scope: PROVIDER_SCOPE,
      value: providerConstraintValue(this.provider, this.providerUid),
    });
    this.apply(
      new IdentityDeletedEvent({
        userId: this.userId,
        provider: this.provider,
        providerUid: this.providerUid,
        reason,
      }),
    );
  }

  onIdentityCreatedEvent(event: IdentityCreatedEvent): void {
    this.exists = true;
    this.userId = event.data.userId;
    this.provider = event.data.provider;
    this.providerUid = event.data.providerUid;
  }

  onIdentityDeletedEvent(): void {
    this.exists = false;
    this.userId = null;
    this.provider = '';
    this.providerUid = '';
  }
}
