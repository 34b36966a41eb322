import { aggregateSpec } from '@libs/event-store/testing';
import {
  UserCreatedEvent,
  UserDeletedEvent,
  UserEmailChangedEvent,
  UserTargetCreatedEvent,
  UserTargetDeletedEvent,
  UserTargetUpdatedEvent,
} from './events';
import { UserAggregate } from './user.aggregate';
import { addressTargetId } from './user-targets';
import { InvalidPhoneError, UserTargetAlreadyExistsError, UserTargetNotFoundError } from './user.errors';

const spec = aggregateSpec(() => new UserAggregate('u1'));
const created = new UserCreatedEvent({
  userId: 'u1',
  name: 'Ada',
  email: 'ada@example.com',
  phone: null,
  password: null,
  hash: 'argon2',
  hashOptions: {},
});
const push = new UserTargetCreatedEvent({
  targetId: 't1',
  providerType: 'push',
  identifier: 'tok',
  name: '',
});
const emailTargetId = addressTargetId('u1', 'email', 1, () => false);

describe('UserAggregate targets', () => {
  it('makes the email target with the user, with the derived id', () => {
    const user = spec.given(created).when(() => undefined).aggregate;
    expect([...user.targets]).toEqual([
      [emailTargetId, { providerType: 'email', identifier: 'ada@example.com', name: '', custom: false }],
    ]);
  });

  it('creates a target and claims its id and identifier', () => {
    const result = spec
      .given(created)
      .when((u) => u.createTarget({ targetId: 't1', providerType: 'push', identifier: 'tok', name: '' }));
    result.then(push);
    expect(result.aggregate.pendingConstraints).toEqual([
      { op: 'claim', scope: 'user.target.push', value: 'tok' },
      { op: 'claim', scope: 'user.target.id', value: 't1' },
    ]);
  });

  it("stores an email identifier lower-cased and refuses the user's own email as a second target", () => {
    spec
      .given(created)
      .when((u) => u.createTarget({ targetId: 't2', providerType: 'email', identifier: 'B@X.io', name: '' }))
      .then(
        new UserTargetCreatedEvent({ targetId: 't2', providerType: 'email', identifier: 'b@x.io', name: '' }),
      );
    spec
      .given(created)
      .when((u) =>
        u.createTarget({ targetId: 't2', providerType: 'email', identifier: 'ADA@example.com', name: '' }),
      )
      .thenThrows(UserTargetAlreadyExistsError);
  });

  it('re-points the email target when the email changes: one claim moves', () => {
    const result = spec.given(created).when((u) => u.changeEmail('grace@example.com'));
    result.then(new UserEmailChangedEvent({ email: 'grace@example.com' }));
    expect(result.aggregate.targets.get(emailTargetId)?.identifier).toBe('grace@example.com');
  });

  it('keeps the email claimed while the user still has it after its target is deleted', () => {
    const result = spec.given(created).when((u) => u.deleteTarget(emailTargetId));
    result.then(new UserTargetDeletedEvent({ targetId: emailTargetId }));
    expect(result.aggregate.pendingConstraints).toEqual([]);
  });

  it('updates only what changes, and releases the old identifier', () => {
    spec
      .given(created, push)
      .when((u) => u.updateTarget('t1', { identifier: 'tok' }))
      .then();
    const result = spec.given(created, push).when((u) => u.updateTarget('t1', { identifier: 'tok2' }));
    result.then(new UserTargetUpdatedEvent({ targetId: 't1', identifier: 'tok2', name: '' }));
    expect(result.aggregate.pendingConstraints).toEqual([
      { op: 'release', scope: 'user.target.push', value: 'tok' },
      { op: 'claim', scope: 'user.target.push', value: 'tok2' },
    ]);
  });

  it('releases every target with the user', () => {
    const result = spec.given(created, push).when((u) => u.delete());
    result.then(new UserDeletedEvent({}));
    expect(result.aggregate.pendingConstraints).toEqual([
      { op: 'release', scope: 'user.email', value: 'ada@example.com' },
      { op: 'release', scope: 'user.target.push', value: 'tok' },
      { op: 'release', scope: 'user.target.id', value: 't1' },
    ]);
    expect(result.aggregate.targets.size).toBe(0);
  });

  it('refuses an unknown target (404) and a bad identifier for its type (400)', () => {
    spec
      .given(created)
      .when((u) => u.deleteTarget('nope'))
      .thenThrows(UserTargetNotFoundError);
    spec
      .given(created)
      .when((u) => u.createTarget({ targetId: 't3', providerType: 'sms', identifier: '123', name: '' }))
      .thenThrows(InvalidPhoneError);
  });
});
