import { AggregateRoot } from '@nestjs/cqrs';
import type { DomainEvent, UniqueConstraintChange } from './types';

/**
 * An aggregate whose state is its stream: `version` counts every event applied, loaded or new, so the
 * repository knows the expected version of the next append. Decide methods `apply` events; `on<Event>`
 * methods only evolve state, so replaying history never re-checks rules.
 */
export abstract class EventSourcedAggregate<E extends DomainEvent> extends AggregateRoot<E> {
  /** Stream version after the last loaded or applied event. */
  version = 0;

  constructor(readonly id: string) {
    super();
  }

  /** Unique values the uncommitted events claim or release, enforced in the append transaction. */
  get pendingConstraints(): readonly UniqueConstraintChange[] {
    return [];
  }

  override apply<T extends E>(
    event: T,
    options?: boolean | { fromHistory?: boolean; skipHandler?: boolean },
  ): void {
    super.apply(event, options as boolean);
    this.version += 1;
  }
}
