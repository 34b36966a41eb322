import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EventStore } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { EventSourcedRepository } from '../../common/event-sourced.repository';
import { EVENT_STORE } from '../../database/database.tokens';
import { USER_EVENTS, USER_STREAM, UserEvent } from '../domain/events';
import { UserAggregate } from '../domain/user.aggregate';
import { UserProjection } from './user.projection';

export type { UniqueViolationMapper } from '../../common/event-sourced.repository';

@Injectable()
export class UserRepository extends EventSourcedRepository<UserAggregate, UserEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore<PoolConnection>,
    eventBus: EventBus,
    projection: UserProjection,
  ) {
    super(store, eventBus, projection, USER_EVENTS, USER_STREAM);
  }

  protected create(id: string): UserAggregate {
    return new UserAggregate(id);
  }
}
