import type {
  DomainEvent,
  EventDecoder,
  EventMetadata,
  EventRegistry,
  EventStore,
  RecordedEvent,
} from '@libs/event-store';
import { recordedFrom, UniqueConstraintError } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { withConcurrencyRetry } from './concurrency';
import type { EventSourcedAggregate } from '@libs/event-store';
import { RequestContext } from './request-context';

/** A read model kept in step inside the append transaction. */
export interface InlineProjection<E extends DomainEvent> {
  apply(tx: PoolConnection, events: ReadonlyArray<RecordedEvent<E>>): Promise<void>;
}

export type UniqueViolationMapper = (error: UniqueConstraintError) => Error;

/** Work that must commit or roll back with an append (erasure's purges), run after the projection. */
export type InTransaction<E extends DomainEvent> = (
  tx: PoolConnection,
  recorded: ReadonlyArray<RecordedEvent<E>>,
) => Promise<void>;

/**
 * Load by decoding a stream, save by appending at the expected version with the aggregate's inline projection
 * in the same transaction. One implementation for every aggregate.
 */
export abstract class EventSourcedRepository<A extends EventSourcedAggregate<E>, E extends DomainEvent> {
  protected constructor(
    private readonly store: EventStore<PoolConnection>,
    private readonly decoder: EventDecoder,
    private readonly projection: InlineProjection<E>,
    private readonly registry: EventRegistry<E>,
    private readonly streamType: string,
  ) {}

  protected abstract create(id: string): A;

  async load(id: string): Promise<A> {
    const aggregate = this.create(id);
    const history = await this.decoder.decodeAll(await this.store.readStream(this.streamType, id));
    aggregate.loadFromHistory(history.map((recorded) => recorded.event as E));
    return aggregate;
  }

  async save(
    aggregate: A,
    onUniqueViolation: UniqueViolationMapper = (error) => error,
    metadata: Partial<EventMetadata> = {},
    alsoInTransaction?: InTransaction<E>,
  ): Promise<Array<RecordedEvent<E>>> {
    const events = aggregate.getUncommittedEvents();
    if (events.length === 0) return [];
    let recorded: Array<RecordedEvent<E>> = [];
    try {
      await this.store.append({
        streamType: this.streamType,
        streamId: aggregate.id,
        expectedVersion: aggregate.version - events.length,
        events: events.map((e) => this.registry.toNew(e, aggregate.id)),
        metadata: { ...RequestContext.eventMetadata(), ...metadata },
        uniqueConstraints: [...aggregate.pendingConstraints],
        project: async (tx, appended) => {
          recorded = appended.map((stored, i) => recordedFrom(stored, events[i]));
          await this.projection.apply(tx, recorded);
          if (alsoInTransaction) await alsoInTransaction(tx, recorded);
        },
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw onUniqueViolation(error);
      throw error;
    }
    aggregate.uncommit();
    return recorded;
  }

  /**
   * load → decide → save, re-run on a concurrent append (then 409). Creation too: a new stream loads empty,
   * and two creators of one id race like two writers of one stream.
   */
  async update(
    id: string,
    decide: (aggregate: A) => void,
    onUniqueViolation?: UniqueViolationMapper,
    metadata?: Partial<EventMetadata>,
    alsoInTransaction?: InTransaction<E>,
  ): Promise<Array<RecordedEvent<E>>> {
    return withConcurrencyRetry(async () => {
      const aggregate = await this.load(id);
      decide(aggregate);
      return this.save(aggregate, onUniqueViolation, metadata, alsoInTransaction);
    });
  }
}
