import { aggregateSpec } from '@libs/event-store/testing';
import { IdentityCreatedData, IdentityCreatedEvent, IdentityDeletedEvent } from './events';
import { IdentityAggregate, PROVIDER_SCOPE, providerConstraintValue } from './identity.aggregate';
import { IdentityAlreadyExistsError, IdentityNotFoundError } from './identity.errors';

const data: IdentityCreatedData = {
  identityId: 'i1',
  userId: 'u1',
  provider: 'github',
  providerUid: '12345',
  providerEmail: 'ada@example.com',
  providerAccessToken: 'gho_token',
  providerAccessTokenExpiry: '2030-01-01T00:00:00.000Z',
  providerRefreshToken: 'ghr_token',
};
const created = new IdentityCreatedEvent(data);
const deleted = new IdentityDeletedEvent({
  userId: 'u1',
  provider: 'github',
  providerUid: '12345',
  reason: 'admin',
});
const spec = aggregateSpec(() => new IdentityAggregate('i1'));

describe('IdentityAggregate', () => {
  describe('link', () => {
    it('links a new identity and claims its provider and provider UID', () => {
      const result = spec.given().when((i) => i.link(data));
      result.then(created);
      expect(result.aggregate.pendingConstraints).toEqual([
        { op: 'claim', scope: PROVIDER_SCOPE, value: 'github\u000012345' },
      ]);
      expect(result.aggregate).toMatchObject({ exists: true, userId: 'u1', version: 1 });
    });

    it('refuses an id that is linked', () => {
      spec
        .given(created)
        .when((i) => i.link({ ...data, providerUid: 'other' }))
        .thenThrows(IdentityAlreadyExistsError);
    });

    it('accepts the id of an unlinked identity again, keeping its history', () => {
      const result = spec.given(created, deleted).when((i) => i.link({ ...data, userId: 'u2' }));
      result.then(new IdentityCreatedEvent({ ...data, userId: 'u2' }));
      expect(result.aggregate.version).toBe(3);
    });
  });

  describe('unlink', () => {
    it.each(['admin', 'user.deleted'] as const)(
      'unlinks (%s), recording the user and the provider pair, and frees the pair',
      (reason) => {
        const result = spec.given(created).when((i) => i.unlink(reason));
        result.then(
          new IdentityDeletedEvent({ userId: 'u1', provider: 'github', providerUid: '12345', reason }),
        );
        expect(result.aggregate.pendingConstraints).toEqual([
          { op: 'release', scope: PROVIDER_SCOPE, value: 'github\u000012345' },
        ]);
        expect(result.aggregate).toMatchObject({ exists: false, userId: null });
      },
    );

    it.each([
      ['an identity that never existed', []],
      ['an unlinked identity (so a replayed clean-up appends nothing)', [created, deleted]],
    ])('refuses to unlink %s', (_name, history) => {
      spec
        .given(...history)
        .when((i) => i.unlink('user.deleted'))
        .thenThrows(IdentityNotFoundError);
    });
  });

  describe('providerConstraintValue', () => {
    it('keeps a pair that fits the constraint column as is', () => {
      const uid = 'x'.repeat(512 - 'github'.length - 1);
      expect(providerConstraintValue('github', uid)).toBe(`github\u0000${uid}`);
    });

    it('holds a longer pair by the SHA-256 of the UID, distinct per UID and from any short form', () => {
      const long = providerConstraintValue('github', 'y'.repeat(2048));
      expect(long.startsWith('github\u0001')).toBe(true);
      expect(long.slice('github\u0001'.length)).toMatch(/^[0-9a-f]{64}$/);
      expect(providerConstraintValue('github', `${'y'.repeat(2047)}z`)).not.toBe(long);
      expect(providerConstraintValue('github', long.slice('github\u0001'.length))).not.toBe(long);
    });
  });
});
