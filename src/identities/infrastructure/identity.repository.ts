import { Inject, Injectable } from '@nestjs/common';
import { EventDecoder, EventStore } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { EventSourcedRepository } from '../../common';
import { EVENT_STORE } from '../../database';
import { EVENT_DECODER } from '../../database';
import { IDENTITY_EVENTS, IDENTITY_STREAM, IdentityEvent } from '../domain/events';
import { IdentityAggregate } from '../domain/identity.aggregate';
import { IdentityProjection } from './identity.projection';

@Injectable()
export class IdentityRepository extends EventSourcedRepository<IdentityAggregate, IdentityEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore<PoolConnection>,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    projection: IdentityProjection,
  ) {
    super(store, decoder, projection, IDENTITY_EVENTS, IDENTITY_STREAM);
  }

  protected create(id: string): IdentityAggregate {
    return new IdentityAggregate(id);
  }
}
