import { Inject, Injectable } from '@nestjs/common';
import { EventDecoder, EventStore } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { EventSourcedRepository } from '../../common';
import { EVENT_STORE } from '../../database';
import { EVENT_DECODER } from '../../database';
import { SESSION_EVENTS, SESSION_STREAM, SessionEvent } from '../domain/events';
import { SessionAggregate } from '../domain/session.aggregate';
import { SessionProjection } from './session.projection';

@Injectable()
export class SessionRepository extends EventSourcedRepository<SessionAggregate, SessionEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore<PoolConnection>,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    projection: SessionProjection,
  ) {
    super(store, decoder, projection, SESSION_EVENTS, SESSION_STREAM);
  }

  protected create(id: string): SessionAggregate {
    return new SessionAggregate(id);
  }
}
