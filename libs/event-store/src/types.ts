/** Who or what caused an event, and from where. Stamped by the repository from the request context. */
export interface EventMetadata {
  /**
   * Who acted. `impersonatorId`: the user whose session acted as `id` through the impersonation headers (the
   * person behind the change, recorded beside the user it was made as).
   */
  actor?: { type: 'key' | 'user' | 'system'; id: string; impersonatorId?: string };
  requestId?: string;
  ip?: string;
  userAgent?: string;
  correlationId?: string;
  causationId?: string;
}

/** Fields of an event's payload stored sealed with the data key of a subject (the person they are about). */
export interface SealRequest {
  subject: string;
  fields: readonly string[];
}

/** An event about to be appended. `id` is generated (UUID v7) when absent. */
export interface NewEvent {
  id?: string;
  type: string;
  schemaVersion?: number;
  data: object;
  /** Personal data and secrets: never written in clear (see `EventCipher`). */
  seal?: SealRequest;
}

/**
 * An event row. Read from the store, `data` is as stored: sealed fields are inside `$sealed` until
 * `EventDecoder` opens them. Returned by `append`, `data` is what the caller wrote, in clear.
 * `position` is the global order, `version` the order inside its stream (from 1).
 */
export interface StoredEvent {
  position: number;
  id: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurredAt: Date;
}

/**
 * A uniqueness rule declared by the domain and enforced inside the append transaction (zitadel's
 * unique constraints): `claim` fails if another stream holds the same scope+value, `release` frees it.
 */
export interface UniqueConstraintChange {
  op: 'claim' | 'release';
  scope: string;
  value: string;
}

export interface AppendRequest<Tx = unknown> {
  streamType: string;
  streamId: string;
  /** The stream version the caller decided on: 0 for a new stream. */
  expectedVersion: number;
  events: NewEvent[];
  metadata?: EventMetadata;
  uniqueConstraints?: UniqueConstraintChange[];
  /**
   * Runs inside the append transaction after the events are written, so inline projections commit or
   * roll back together with the events.
   */
  project?: (tx: Tx, events: StoredEvent[]) => Promise<void>;
}

export interface EventStore<Tx = unknown> {
  append(request: AppendRequest<Tx>): Promise<StoredEvent[]>;
  readStream(streamType: string, streamId: string, afterVersion?: number): Promise<StoredEvent[]>;
  /** Events of every stream with a position greater than `afterPosition`, in position order. */
  readAll(afterPosition: number, limit: number): Promise<StoredEvent[]>;
  /** Called after every successful commit, e.g. to wake the relay. */
  onCommitted(listener: (events: StoredEvent[]) => void): void;
}

/** What every domain event is: a class with a static stable `type` and a `data` payload. */
export interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

/**
 * A stored event decoded into its domain class (the one decode path: registry lookup, sealed fields opened,
 * upcasters applied), with the envelope every reader needs.
 */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  readonly position: number;
  readonly id: string;
  readonly streamType: string;
  readonly streamId: string;
  readonly version: number;
  readonly metadata: EventMetadata;
  readonly occurredAt: Date;
  readonly event: E;
  /** Sealed fields that can no longer be opened (the subject's data key was destroyed): null in `event.data`. */
  readonly erased: readonly string[];
}

/**
 * Seals and opens the personal fields of events with per-subject data keys (envelope encryption). `seal` runs
 * inside the append transaction, so a subject's first key commits or rolls back with its first event.
 */
export interface EventCipher<Tx = unknown> {
  seal(tx: Tx, subject: string, fields: Record<string, unknown>): Promise<string>;
  /** The fields sealed in `token`, or `undefined` when its data key was destroyed (crypto-shredding). */
  open(token: string): Promise<Record<string, unknown> | undefined>;
}
