/** Who or what caused an event, and from where. Stamped by the repository from the request context. */
export interface EventMetadata {
  actor?: { type: 'key' | 'user' | 'system'; id: string };
  requestId?: string;
  ip?: string;
  userAgent?: string;
  correlationId?: string;
  causationId?: string;
}

/** An event about to be appended. `id` is generated (UUID v7) when absent. */
export interface NewEvent {
  id?: string;
  type: string;
  schemaVersion?: number;
  data: object;
}

/** An event as stored: `position` is the global order, `version` the order inside its stream (from 1). */
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
