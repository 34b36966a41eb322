import { Inject, Injectable } from '@nestjs/common';
import { EventDecoder, EventStore } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { EventSourcedRepository } from '../../common';
import { EVENT_DECODER, EVENT_STORE } from '../../database';
import { SESSION_SWEEP_EVENTS, SESSION_SWEEP_STREAM, SessionSweepEvent } from '../domain/events';
import { SessionSweepAggregate } from '../domain/session-sweep.aggregate';
import { SessionSweepProjection } from './session-sweep.projection';

@Injectable()
export class SessionSweepRepository extends EventSourcedRepository<SessionSweepAggregate, SessionSweepEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore<PoolConnection>,
    @Inject(EVENT_DECODER) decoder: EventDecoder,
    projection: SessionSweepProjection,
  ) {
    super(store, decoder, projection, SESSION_SWEEP_EVENTS, SESSION_SWEEP_STREAM);
  }

  protected create(id: string): SessionSweepAggregate {
    return new SessionSweepAggregate(id);
  }
}
