import { EventBus } from '@nestjs/cqrs';
import {
  EventMetadata,
  EventRegistry,
  EventStore,
  StoredEvent,
  UniqueConstraintChange,
  UniqueConstraintError,
} from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { withConcurrencyRetry } from './concurrency';
import { RequestContext } from './request-context';

export interface EventSourcedAggregate<E extends { data: object }> {
  readonly id: string;
  version: number;
  loadFromHistory(history: E[]): void;
  getUncommittedEvents(): E[];
  uncommit(): void;
  readonly pendingConstraints?: readonly UniqueConstraintChange[];
}

export interface InlineProjection {
  apply(tx: PoolConnection, events: StoredEvent[]): Promise<void>;
}

export type UniqueViolationMapper = (error: UniqueConstraintError) => Error;

/**
 * Load by replaying a stream, save by appending at the expected version with the aggregate's inline projection
 * in the same transaction, then publish on the in-process EventBus. One implementation for every aggregate.
 */
export abstract class EventSourcedRepository<A extends EventSourcedAggregate<E>, E extends { data: object }> {
  protected constructor(
    private readonly store: EventStore<PoolConnection>,
    private readonly eventBus: EventBus,
    private readonly projection: InlineProjection,
    private readonly registry: EventRegistry<E>,
    private readonly streamType: string,
  ) {}

  protected abstract create(id: string): A;

  async load(id: string): Promise<A> {
    const aggregate = this.create(id);
    const history = await this.store.readStream(this.streamType, id);
    aggregate.loadFromHistory(history.map((e) => this.registry.toDomain(e)));
    return aggregate;
  }

  async save(
    aggregate: A,
    onUniqueViolation: UniqueViolationMapper = (error) => error,
    metadata: Partial<EventMetadata> = {},
  ): Promise<StoredEvent[]> {
    const events = aggregate.getUncommittedEvents();
    if (events.length === 0) return [];
    let stored: StoredEvent[];
    try {
      stored = await this.store.append({
        streamType: this.streamType,
        streamId: aggregate.id,
        expectedVersion: aggregate.version - events.length,
        events: events.map((e) => this.registry.toNew(e, aggregate.id)),
        metadata: { ...RequestContext.eventMetadata(), ...metadata },
        uniqueConstraints: [...(aggregate.pendingConstraints ?? [])],
        project: (tx, appended) => this.projection.apply(tx, appended),
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw onUniqueViolation(error);
      throw error;
    }
    this.eventBus.publishAll([...events]);
    aggregate.uncommit();
    return stored;
  }

  /** load → decide → save, re-run on a concurrent append (then 409). */
  async update(
    id: string,
    decide: (aggregate: A) => void,
    onUniqueViolation?: UniqueViolationMapper,
    metadata?: Partial<EventMetadata>,
  ): Promise<StoredEvent[]> {
    return withConcurrencyRetry(async () => {
      const aggregate = await this.load(id);
      decide(aggregate);
      return this.save(aggregate, onUniqueViolation, metadata);
    });
  }
}
