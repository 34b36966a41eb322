import { NewEvent, StoredEvent } from './types';

/** Turns an older payload into the next schema version's shape. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** A domain event class: a static stable `type`, an optional schema version and sealed fields, a `data` payload. */
export interface EventClass<E extends { data: object } = { data: object }> {
  readonly type: string;
  readonly schemaVersion?: number;
  /** Payload fields holding personal data or secrets: stored only sealed with the subject's data key. */
  readonly sealed?: readonly string[];
  new (data: never): E;
}

/** Whose data key seals an event's fields: the person the event is about. */
export type SubjectOf = (event: { streamId: string; data: Record<string, unknown> }) => string | undefined;

interface Registration {
  ctor: EventClass;
  schemaVersion: number;
  upcasters: Record<number, Upcaster>;
  sealed: readonly string[];
  subject: SubjectOf;
}

export class UnknownEventTypeError extends Error {
  constructor(type: string) {
    super(`No event class is registered for type "${type}"`);
  }
}

/**
 * Maps stable event type strings to classes and upgrades old payloads on read, so the store can keep
 * every version of every event forever (events are never rewritten). Each module registers its own events
 * (with the subject whose key seals them); `merge` combines them for the readers that see every stream.
 */
export class EventRegistry<E extends { data: object }> {
  private readonly byType = new Map<string, Registration>();

  constructor(private readonly subject: SubjectOf = () => undefined) {}

  /** `upcasters[n]` turns a version-n payload into version n+1. */
  register(ctor: EventClass<E>, upcasters: Record<number, Upcaster> = {}): this {
    const schemaVersion = ctor.schemaVersion ?? 1;
    for (let v = 1; v < schemaVersion; v++) {
      if (!upcasters[v]) throw new Error(`${ctor.type}: missing upcaster from schema version ${v}`);
    }
    this.byType.set(ctor.type, {
      ctor: ctor as unknown as EventClass,
      schemaVersion,
      upcasters,
      sealed: ctor.sealed ?? [],
      subject: this.subject,
    });
    return this;
  }

  /** One registry over several modules' registries, each keeping its own subjects. */
  static merge<T extends { data: object }>(...registries: Array<EventRegistry<T>>): EventRegistry<T> {
    const merged = new EventRegistry<T>();
    for (const registry of registries) {
      for (const [type, registration] of registry.byType) {
        if (merged.byType.has(type)) throw new Error(`Event type "${type}" is registered twice`);
        merged.byType.set(type, registration);
      }
    }
    return merged;
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  /** Every registered class (a consumer of every event subscribes to these). */
  classes(): Array<EventClass<E>> {
    return [...this.byType.values()].map((r) => r.ctor as unknown as EventClass<E>);
  }

  /** Every registered type with its sealed fields (for tools that walk the whole store). */
  types(): Array<{ type: string; sealed: readonly string[] }> {
    return [...this.byType].map(([type, r]) => ({ type, sealed: r.sealed }));
  }

  /** What must be sealed in an event of `type` on stream `streamId`, or undefined when nothing is. */
  sealing(type: string, streamId: string, data: Record<string, unknown>): NewEvent['seal'] | undefined {
    const registration = this.registration(type);
    if (registration.sealed.length === 0) return undefined;
    const subject = registration.subject({ streamId, data });
    if (!subject) throw new Error(`${type}: no subject to seal its fields with`);
    return { subject, fields: registration.sealed };
  }

  /** The fields an event of `type` seals (null in the data of an event whose key was destroyed). */
  sealedFields(type: string): readonly string[] {
    return this.registration(type).sealed;
  }

  /** Rehydrates an event's payload (already unsealed) into its class, upcast to the current schema. */
  toDomain(stored: Pick<StoredEvent, 'type' | 'schemaVersion' | 'data'>): E {
    const registration = this.registration(stored.type);
    let data = stored.data;
    for (let v = stored.schemaVersion; v < registration.schemaVersion; v++)
      data = registration.upcasters[v](data);
    return new registration.ctor(data as never) as unknown as E;
  }

  /** The storable form of a domain event on stream `streamId`, with what it must seal. */
  toNew(event: E, streamId: string): NewEvent {
    const ctor = event.constructor as unknown as EventClass;
    const registration = this.byType.get(ctor.type);
    if (!registration || registration.ctor !== ctor) throw new UnknownEventTypeError(String(ctor.type));
    const data = event.data as Record<string, unknown>;
    const seal = this.sealing(ctor.type, streamId, data);
    return { type: ctor.type, schemaVersion: registration.schemaVersion, data, ...(seal ? { seal } : {}) };
  }

  private registration(type: string): Registration {
    const registration = this.byType.get(type);
    if (!registration) throw new UnknownEventTypeError(type);
    return registration;
  }
}
