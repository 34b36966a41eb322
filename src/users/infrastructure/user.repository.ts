import { Inject, Injectable } from '@nestjs/common';
import { EventDecoder, EventStore } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { EventSourcedRepository } from '../../common';
import { EVENT_STORE } from '../../database';
import { EVENT_DECODER } from '../../database';
import { USER_EVENTS, USER_STREAM, UserEvent } from '../domain/events';
import { UserAggregate } from '../domain/user.aggregate';
import { UserProjection } from './user.projection';

@Injectable()
export class UserRepository extends EventSourcedRepository<UserAggregate, UserEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore<PoolConnection>,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    projection: UserProjection,
  ) {
    super(store, decoder, projection, USER_EVENTS, USER_STREAM);
  }

  protected create(id: string): UserAggregate {
    return new UserAggregate(id);
  }
}
