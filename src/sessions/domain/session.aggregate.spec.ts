import { aggregateSpec } from '@libs/event-store/testing';
import { SessionCreatedEvent, SessionRevokedEvent } from './events';
import { SessionAggregate } from './session.aggregate';
import { SessionNotFoundError } from './session.errors';

const device = {
  osCode: '',
  osName: '',
  osVersion: '',
  clientType: '',
  clientCode: '',
  clientName: '',
  clientVersion: '',
  clientEngine: '',
  clientEngineVersion: '',
  deviceName: '',
  deviceBrand: '',
  deviceModel: '',
  countryCode: '--',
  countryName: 'Unknown',
};
const created = new SessionCreatedEvent({
  sessionId: 's1',
  userId: 'u1',
  userIncarnation: 7,
  userEpoch: 9,
  provider: 'email',
  providerUid: 'a@b.co',
  secretHash: 'f'.repeat(64),
  expire: '2027-01-01T00:00:00.000Z',
  factors: ['password'],
  ip: '127.0.0.1',
  ...device,
});
const spec = aggregateSpec(() => new SessionAggregate('s1'));

describe('SessionAggregate', () => {
  it('creates a session', () => {
    spec
      .given()
      .when((s) => s.create(created.data))
      .then(created);
  });

  it('revokes a live session, recording its user and the reason', () => {
    spec
      .given(created)
      .when((s) => s.revoke('logout'))
      .then(new SessionRevokedEvent({ userId: 'u1', reason: 'logout' }));
  });

  it('refuses to revoke twice, so a replayed revocation appends nothing', () => {
    spec
      .given(created, new SessionRevokedEvent({ userId: 'u1', reason: 'admin' }))
      .when((s) => s.revoke('user.blocked'))
      .thenThrows(SessionNotFoundError);
  });

  it('refuses to revoke a session that never existed', () => {
    spec
      .given()
      .when((s) => s.revoke('admin'))
      .thenThrows(SessionNotFoundError);
  });

  it('refuses to create a session twice', () => {
    spec
      .given(created)
      .when((s) => s.create(created.data))
      .thenThrows(Error);
  });
});
