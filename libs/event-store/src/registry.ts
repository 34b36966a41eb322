import { NewEvent, StoredEvent } from './types';

/** Turns an older payload into the next schema version's shape. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** A domain event class: a static stable `type`, an optional schema version and a `data` payload. */
export interface EventClass<E extends { data: object }> {
  readonly type: string;
  readonly schemaVersion?: number;
  new (data: never): E;
}

interface Registration {
  ctor: new (data: never) => { data: object };
  schemaVersion: number;
  upcasters: Record<number, Upcaster>;
}

export class UnknownEventTypeError extends Error {
  constructor(type: string) {
    super(`No event class is registered for type "${type}"`);
  }
}

/**
 * Maps stable event type strings to classes and upgrades old payloads on read, so the store can keep
 * every version of every event forever (events are never rewritten).
 */
export class EventRegistry<E extends { data: object }> {
  private readonly byType = new Map<string, Registration>();

  /** `upcasters[n]` turns a version-n payload into version n+1. */
  register(ctor: EventClass<E>, upcasters: Record<number, Upcaster> = {}): this {
    const schemaVersion = ctor.schemaVersion ?? 1;
    for (let v = 1; v < schemaVersion; v++) {
      if (!upcasters[v]) throw new Error(`${ctor.type}: missing upcaster from schema version ${v}`);
    }
    this.byType.set(ctor.type, { ctor, schemaVersion, upcasters });
    return this;
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  /** Rehydrates a stored event into its class, upcasting its payload to the current schema. */
  toDomain(stored: Pick<StoredEvent, 'type' | 'schemaVersion' | 'data'>): E {
    const registration = this.byType.get(stored.type);
    if (!registration) throw new UnknownEventTypeError(stored.type);
    let data = stored.data;
    for (let v = stored.schemaVersion; v < registration.schemaVersion; v++)
      data = registration.upcasters[v](data);
    return new registration.ctor(data as never) as E;
  }

  /** The storable form of a domain event. */
  toNew(event: E): NewEvent {
    const ctor = event.constructor as unknown as EventClass<E>;
    const registration = this.byType.get(ctor.type);
    if (!registration || registration.ctor !== (ctor as unknown))
      throw new UnknownEventTypeError(String(ctor.type));
    return { type: ctor.type, schemaVersion: registration.schemaVersion, data: event.data };
  }
}
