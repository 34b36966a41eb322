import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EventStore } from '@libs/event-store';
import type { PoolConnection } from 'mysql2/promise';
import { EventSourcedRepository } from '../../common/event-sourced.repository';
import { EVENT_STORE } from '../../database/database.tokens';
import { SESSION_EVENTS, SESSION_STREAM, SessionEvent } from '../domain/events';
import { SessionAggregate } from '../domain/session.aggregate';
import { SessionProjection } from './session.projection';

@Injectable()
export class SessionRepository extends EventSourcedRepository<SessionAggregate, SessionEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore<PoolConnection>,
    eventBus: EventBus,
    projection: SessionProjection,
  ) {
    super(store, eventBus, projection, SESSION_EVENTS, SESSION_STREAM);
  }

  protected create(id: string): SessionAggregate {
    return new SessionAggregate(id);
  }
}
