import { ConcurrencyError, UniqueConstraintError } from '../errors';
import { AppendRequest, EventStore, StoredEvent } from '../types';
import { uuidv7 } from '../uuid';

/** The MySQL store's semantics in memory, for handler specs that must not do IO. */
export class InMemoryEventStore implements EventStore<undefined> {
  readonly events: StoredEvent[] = [];
  private readonly constraints = new Map<string, string>();
  private readonly listeners: Array<(events: StoredEvent[]) => void> = [];

  onCommitted(listener: (events: StoredEvent[]) => void): void {
    this.listeners.push(listener);
  }

  async append(request: AppendRequest<undefined>): Promise<StoredEvent[]> {
    const current = this.events.filter(
      (e) => e.streamType === request.streamType && e.streamId === request.streamId,
    ).length;
    if (current !== request.expectedVersion) {
      throw new ConcurrencyError(request.streamType, request.streamId, request.expectedVersion);
    }
    const constraints = new Map(this.constraints);
    for (const change of request.uniqueConstraints ?? []) {
      const key = `${change.scope}\u0000${change.value}`;
      if (change.op === 'release' && constraints.get(key) === request.streamId) constraints.delete(key);
    }
    for (const change of request.uniqueConstraints ?? []) {
      const key = `${change.scope}\u0000${change.value}`;
      if (change.op !== 'claim') continue;
      if (constraints.has(key)) throw new UniqueConstraintError(change.scope, change.value);
      constraints.set(key, request.streamId);
    }
    const occurredAt = new Date();
    const stored = request.events.map((event, i) => ({
      position: this.events.length + i + 1,
      id: event.id ?? uuidv7(),
      streamType: request.streamType,
      streamId: request.streamId,
      version: request.expectedVersion + i + 1,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: structuredClone(event.data) as Record<string, unknown>,
      metadata: request.metadata ?? {},
      occurredAt,
    }));
    if (request.project) await request.project(undefined, stored);
    this.events.push(...stored);
    this.constraints.clear();
    for (const [k, v] of constraints) this.constraints.set(k, v);
    for (const listener of this.listeners) listener(stored);
    return stored;
  }

  async readStream(streamType: string, streamId: string, afterVersion = 0): Promise<StoredEvent[]> {
    return this.events.filter(
      (e) => e.streamType === streamType && e.streamId === streamId && e.version > afterVersion,
    );
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    return this.events.filter((e) => e.position > afterPosition).slice(0, limit);
  }
}
