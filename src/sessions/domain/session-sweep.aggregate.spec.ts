import { aggregateSpec } from '@libs/event-store/testing';
import { SessionSweepCompletedEvent, SessionSweepRequestedEvent } from './events';
import { SessionSweepAggregate } from './session-sweep.aggregate';
import { SessionSweepNotFoundError } from './session.errors';

const spec = aggregateSpec(() => new SessionSweepAggregate('w1'));

describe('SessionSweepAggregate', () => {
  it('records a request', () => {
    spec
      .given()
      .when((w) => w.request())
      .then(new SessionSweepRequestedEvent());
  });

  it('refuses a second request on the same id', () => {
    spec
      .given(new SessionSweepRequestedEvent())
      .when((w) => w.request())
      .thenThrows(Error);
  });

  it('completes a requested sweep with the number it revoked', () => {
    spec
      .given(new SessionSweepRequestedEvent())
      .when((w) => w.complete(3))
      .then(new SessionSweepCompletedEvent({ revoked: 3 }));
  });

  it('appends nothing when a completed sweep completes again (a job run twice)', () => {
    spec
      .given(new SessionSweepRequestedEvent(), new SessionSweepCompletedEvent({ revoked: 3 }))
      .when((w) => w.complete(0))
      .then();
  });

  it('refuses to complete a sweep that was never requested', () => {
    spec
      .given()
      .when((w) => w.complete(0))
      .thenThrows(SessionSweepNotFoundError);
  });
});
