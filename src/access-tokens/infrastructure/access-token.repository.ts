import { Inject, Injectable } from '@nestjs/common';
import { EventDecoder, EventStore } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { EventSourcedRepository } from '../../common';
import { EVENT_DECODER, EVENT_STORE } from '../../database';
import { AccessTokenAggregate } from '../domain/access-token.aggregate';
import { ACCESS_TOKEN_EVENTS, ACCESS_TOKEN_STREAM, AccessTokenEvent } from '../domain/events';
import { AccessTokenProjection } from './access-token.projection';

@Injectable()
export class AccessTokenRepository extends EventSourcedRepository<AccessTokenAggregate, AccessTokenEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore<PoolConnection>,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    projection: AccessTokenProjection,
  ) {
    super(store, decoder, projection, ACCESS_TOKEN_EVENTS, ACCESS_TOKEN_STREAM);
  }

  protected create(id: string): AccessTokenAggregate {
    return new AccessTokenAggregate(id);
  }
}
