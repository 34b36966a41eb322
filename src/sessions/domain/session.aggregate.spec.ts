import { aggregateSpec } from '@libs/event-store/testing';
import {
  SessionChallengeCreatedEvent,
  SessionCreatedEvent,
  SessionExtendedEvent,
  SessionFactorsAddedEvent,
  SessionRevokedEvent,
} from './events';
import { SessionAggregate } from './session.aggregate';
import { InvalidTokenError, SessionNotFoundError } from './session.errors';

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

  describe('extend', () => {
    const now = new Date('2026-12-01T00:00:00.000Z');
    const later = new Date('2027-12-01T00:00:00.000Z');

    it('moves the expiry of a live session', () => {
      spec
        .given(created)
        .when((s) => s.extend(later, now))
        .then(new SessionExtendedEvent({ userId: 'u1', expire: later.toISOString() }));
    });

    it('refuses a revoked session, an expired one and one that never existed', () => {
      spec
        .given(created, new SessionRevokedEvent({ userId: 'u1', reason: 'logout' }))
        .when((s) => s.extend(later, now))
        .thenThrows(SessionNotFoundError);
      spec
        .given(created)
        .when((s) => s.extend(later, new Date('2027-01-01T00:00:00.000Z')))
        .thenThrows(SessionNotFoundError);
      spec
        .given()
        .when((s) => s.extend(later, now))
        .thenThrows(SessionNotFoundError);
    });

    it('counts from the last extension', () => {
      const extended = new SessionExtendedEvent({ userId: 'u1', expire: '2027-06-01T00:00:00.000Z' });
      spec
        .given(created, extended)
        .when((s) => s.extend(later, new Date('2027-03-01T00:00:00.000Z')))
        .then(new SessionExtendedEvent({ userId: 'u1', expire: later.toISOString() }));
    });
  });
});

describe('SessionAggregate MFA challenges', () => {
  const spec = aggregateSpec(() => new SessionAggregate('s1'));
  const now = new Date('2030-01-01T00:00:00.000Z');
  const expire = new Date('2030-01-01T01:00:00.000Z');
  const challenge = new SessionChallengeCreatedEvent({
    userId: 'u1',
    challengeId: 'c1',
    factor: 'totp',
    expire: expire.toISOString(),
  });
  const completed = new SessionFactorsAddedEvent({ userId: 'u1', factors: ['totp'], challengeId: 'c1' });

  it('creates a challenge and completes it once', () => {
    spec
      .given(created)
      .when((s) => s.createChallenge('c1', 'totp', expire))
      .then(challenge);
    spec
      .given(created, challenge)
      .when((s) => s.completeChallenge('c1', now))
      .then(completed);
    spec
      .given(created, challenge, completed)
      .when((s) => s.completeChallenge('c1', now))
      .thenThrows(InvalidTokenError);
  });

  it('refuses an unknown or expired challenge, or one of an ended session', () => {
    spec
      .given(created, challenge)
      .when((s) => s.completeChallenge('c2', now))
      .thenThrows(InvalidTokenError);
    spec
      .given(created, challenge)
      .when((s) => s.completeChallenge('c1', expire))
      .thenThrows(InvalidTokenError);
    spec
      .given(created, challenge, new SessionRevokedEvent({ userId: 'u1', reason: 'logout' }))
      .when((s) => s.completeChallenge('c1', now))
      .thenThrows(InvalidTokenError);
  });

  it('adds only factors the session does not have', () => {
    spec
      .given(created)
      .when((s) => s.addFactors(['password', 'totp']))
      .then(new SessionFactorsAddedEvent({ userId: 'u1', factors: ['totp'], challengeId: null }));
    spec
      .given(created)
      .when((s) => s.addFactors(['password']))
      .then();
  });
});
