import type { RecordedEvent } from '@libs/event-store';
import { subjectUserId } from '../../audit';
import type { AnyEvent } from '../../events';
import { webhookEventNames } from './webhook-event-names';

/**
 * Fields no webhook ever carries, whatever the event: password hashes and their parameters (salts), session
 * secrets' hashes, identity providers' tokens, the TOTP secret and the recovery codes' hashes. Everything else of the decoded event is sent (names and
 * emails included, as Appwrite's User model would be): the receiver is configured by an API key holder.
 */
export const WITHHELD_FIELDS = [
  'password',
  'hash',
  'hashOptions',
  'secretHash',
  'providerAccessToken',
  'providerRefreshToken',
  'secret',
  'hashes',
] as const;

/** The JSON body of a delivery (Standard Webhooks' `type` / `timestamp` / `data`, plus Appwrite's names). */
export interface WebhookPayload {
  /** The event's id: also the `webhook-id` header, the same on every retry, redelivery and replay. */
  id: string;
  type: string;
  timestamp: string;
  /** Global position in the event log (what `replay` takes as `from`). */
  position: number;
  /** Every Appwrite event name the event answers to, the concrete one first. */
  events: string[];
  userId: string;
  data: Record<string, unknown>;
  /** Personal fields that were erased (crypto-shredded): `null` in `data`. */
  erased: string[];
}

export function webhookPayload(recorded: RecordedEvent<AnyEvent>): WebhookPayload {
  const withheld: ReadonlySet<string> = new Set(WITHHELD_FIELDS);
  const data = Object.fromEntries(
    Object.entries(recorded.event.data as Record<string, unknown>).filter(([key]) => !withheld.has(key)),
  );
  return {
    id: recorded.id,
    type: recorded.event.type,
    timestamp: recorded.occurredAt.toISOString(),
    position: recorded.position,
    events: webhookEventNames(recorded),
    userId: subjectUserId(recorded),
    data,
    erased: recorded.erased.filter((field) => !withheld.has(field)),
  };
}
