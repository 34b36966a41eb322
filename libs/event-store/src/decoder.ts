import type { EventRegistry } from './registry';
import type { DomainEvent, EventCipher, RecordedEvent, StoredEvent } from './types';

/** The key under which a stored event's sealed fields live, as one token. */
export const SEALED = '$sealed';

/**
 * The one decode path from a stored row to a domain event: sealed fields opened (or marked erased when their
 * key is gone), upcasters applied, the class instantiated, the envelope kept. Aggregates, projections, the
 * relay, processors, audit, history and webhooks all read events through it.
 */
export class EventDecoder<E extends DomainEvent = DomainEvent> {
  constructor(
    private readonly registry: EventRegistry<E>,
    private readonly cipher?: Pick<EventCipher, 'open'>,
  ) {}

  async decode(stored: StoredEvent): Promise<RecordedEvent<E>> {
    const { data, erased } = await this.unseal(stored);
    return {
      position: stored.position,
      id: stored.id,
      streamType: stored.streamType,
      streamId: stored.streamId,
      version: stored.version,
      metadata: stored.metadata,
      occurredAt: stored.occurredAt,
      event: this.registry.toDomain({ type: stored.type, schemaVersion: stored.schemaVersion, data }),
      erased,
    };
  }

  decodeAll(stored: readonly StoredEvent[]): Promise<Array<RecordedEvent<E>>> {
    return Promise.all(stored.map((event) => this.decode(event)));
  }

  private async unseal(
    stored: StoredEvent,
  ): Promise<{ data: Record<string, unknown>; erased: readonly string[] }> {
    const { [SEALED]: token, ...rest } = stored.data;
    if (typeof token !== 'string') return { data: stored.data, erased: [] };
    if (!this.cipher) throw new Error(`Event ${stored.id} is sealed and no cipher is configured`);
    const opened = await this.cipher.open(token);
    if (opened) return { data: { ...rest, ...opened }, erased: [] };
    const erased = this.registry.sealedFields(stored.type);
    return { data: { ...rest, ...Object.fromEntries(erased.map((field) => [field, null])) }, erased };
  }
}

/**
 * The row form of an event's data: the fields of `seal` moved into one sealed token. Fields the payload
 * does not carry are left out, so an absent optional field stays absent after a round trip.
 */
export async function sealData<Tx>(
  tx: Tx,
  cipher: EventCipher<Tx>,
  data: Record<string, unknown>,
  seal: { subject: string; fields: readonly string[] },
): Promise<Record<string, unknown>> {
  const sealed: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (seal.fields.includes(key)) sealed[key] = value;
    else rest[key] = value;
  }
  if (Object.keys(sealed).length === 0) return rest;
  return { ...rest, [SEALED]: await cipher.seal(tx, seal.subject, sealed) };
}

/** An event just appended, with the domain event it came from: nothing to decode, it was written from it. */
export function recordedFrom<E extends DomainEvent>(stored: StoredEvent, event: E): RecordedEvent<E> {
  return {
    position: stored.position,
    id: stored.id,
    streamType: stored.streamType,
    streamId: stored.streamId,
    version: stored.version,
    metadata: stored.metadata,
    occurredAt: stored.occurredAt,
    event,
    erased: [],
  };
}
