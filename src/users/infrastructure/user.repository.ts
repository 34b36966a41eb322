import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EventStore, UniqueConstraintError } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { withConcurrencyRetry } from '../../common/concurrency';
import { RequestContext } from '../../common/request-context';
import { EVENT_STORE } from '../../database/database.tokens';
import { USER_EVENTS, USER_STREAM } from '../domain/events';
import { UserAggregate } from '../domain/user.aggregate';
import { UserProjection } from './user.projection';

export type UniqueViolationMapper = (error: UniqueConstraintError) => Error;

/** Loads users by replaying their stream and saves them by appending, with the read model in the same transaction. */
@Injectable()
export class UserRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore<PoolConnection>,
    private readonly eventBus: EventBus,
    private readonly projection: UserProjection,
  ) {}

  async load(userId: string): Promise<UserAggregate> {
    const user = new UserAggregate(userId);
    const history = await this.store.readStream(USER_STREAM, userId);
    user.loadFromHistory(history.map((e) => USER_EVENTS.toDomain(e)));
    return user;
  }

  async save(user: UserAggregate, onUniqueViolation: UniqueViolationMapper): Promise<void> {
    const events = user.getUncommittedEvents();
    if (events.length === 0) return;
    try {
      await this.store.append({
        streamType: USER_STREAM,
        streamId: user.id,
        expectedVersion: user.version - events.length,
        events: events.map((e) => USER_EVENTS.toNew(e)),
        metadata: RequestContext.eventMetadata(),
        uniqueConstraints: [...user.pendingConstraints],
        project: (tx, stored) => this.projection.apply(tx, stored),
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw onUniqueViolation(error);
      throw error;
    }
    this.eventBus.publishAll([...events]);
    user.uncommit();
  }

  /** load → decide → save, re-run on a concurrent append (then 409). */
  async update(
    userId: string,
    decide: (user: UserAggregate) => void,
    onUniqueViolation: UniqueViolationMapper,
  ): Promise<void> {
    await withConcurrencyRetry(async () => {
      const user = await this.load(userId);
      decide(user);
      await this.save(user, onUniqueViolation);
    });
  }
}
