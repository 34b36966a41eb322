import { aggregateSpec } from '@libs/event-store/testing';
import { ArgumentInvalidError } from '@libs/http';
import { AccessTokenAggregate } from './access-token.aggregate';
import { AccessTokenNotFoundError } from './access-token.errors';
import {
  AccessTokenCreatedData,
  AccessTokenCreatedEvent,
  AccessTokenDeletedEvent,
  AccessTokenUpdatedEvent,
} from './events';

const now = new Date('2030-01-01T00:00:00.000Z');
const data: AccessTokenCreatedData = {
  tokenId: 't1',
  userId: 'u1',
  userIncarnation: 7,
  description: 'CI',
  secretHash: 'a'.repeat(64),
  expire: null,
};
const created = new AccessTokenCreatedEvent(data);
const disabled = new AccessTokenUpdatedEvent({ userId: 'u1', isActive: false });
const enabled = new AccessTokenUpdatedEvent({ userId: 'u1', isActive: true });
const deleted = new AccessTokenDeletedEvent({ userId: 'u1', reason: 'admin' });
const spec = aggregateSpec(() => new AccessTokenAggregate('t1'));

describe('AccessTokenAggregate', () => {
  describe('create', () => {
    it('creates an active token, with or without a future expiry', () => {
      spec
        .given()
        .when((t) => t.create(data, now))
        .then(created);
      const expiring = { ...data, expire: '2030-01-01T00:00:01.000Z' };
      const result = spec.given().when((t) => t.create(expiring, now));
      result.then(new AccessTokenCreatedEvent(expiring));
      expect(result.aggregate).toMatchObject({ exists: true, isActive: true, userId: 'u1', version: 1 });
    });

    it.each(['2030-01-01T00:00:00.000Z', '2029-12-31T23:59:59.999Z'])(
      'refuses an expiry of %s (not after now)',
      (expire) => {
        spec
          .given()
          .when((t) => t.create({ ...data, expire }, now))
          .thenThrows(ArgumentInvalidError);
      },
    );

    it.each([
      ['an existing token', [created]],
      ['a deleted token (ids are never reused)', [created, deleted]],
    ])('refuses to create %s again', (_name, history) => {
      spec
        .given(...history)
        .when((t) => t.create(data, now))
        .thenThrows(AccessTokenNotFoundError);
    });
  });

  describe('setActive', () => {
    it('disables, then enables again', () => {
      spec
        .given(created)
        .when((t) => t.setActive(false))
        .then(disabled);
      const result = spec.given(created, disabled).when((t) => t.setActive(true));
      result.then(enabled);
      expect(result.aggregate.isActive).toBe(true);
    });

    it('appends nothing for the state the token already has', () => {
      spec
        .given(created)
        .when((t) => t.setActive(true))
        .then();
      spec
        .given(created, disabled)
        .when((t) => t.setActive(false))
        .then();
    });

    it.each([
      ['an unknown token', []],
      ['a deleted token', [created, deleted]],
    ])('refuses %s', (_name, history) => {
      spec
        .given(...history)
        .when((t) => t.setActive(false))
        .thenThrows(AccessTokenNotFoundError);
    });
  });

  describe('delete', () => {
    it("records why: an admin's delete, or its user's deletion", () => {
      spec
        .given(created)
        .when((t) => t.delete('user.deleted'))
        .then(new AccessTokenDeletedEvent({ userId: 'u1', reason: 'user.deleted' }));
    });

    it('deletes an active or a disabled token', () => {
      spec
        .given(created)
        .when((t) => t.delete('admin'))
        .then(deleted);
      spec
        .given(created, disabled)
        .when((t) => t.delete('admin'))
        .then(deleted);
    });

    it.each([
      ['an unknown token', []],
      ['a deleted token (so a replay appends nothing)', [created, deleted]],
    ])('refuses %s', (_name, history) => {
      spec
        .given(...history)
        .when((t) => t.delete('admin'))
        .thenThrows(AccessTokenNotFoundError);
    });
  });
});
