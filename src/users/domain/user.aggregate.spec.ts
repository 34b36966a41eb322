import { aggregateSpec } from '@libs/event-store/testing';
import {
  UserCreatedEvent,
  UserDeletedEvent,
  UserEmailChangedEvent,
  UserLabelsChangedEvent,
  UserNameChangedEvent,
  UserPasswordChangedEvent,
  UserPasswordRehashedEvent,
  UserPhoneChangedEvent,
  UserStatusChangedEvent,
} from './events';
import { UserAggregate } from './user.aggregate';
import { UserAlreadyExistsError, UserNotFoundError } from './user.errors';

const spec = aggregateSpec(() => new UserAggregate('u1'));
const argon = { hash: 'argon2', hashOptions: { type: 'argon2' } };
const created = new UserCreatedEvent({
  userId: 'u1',
  name: 'Ada',
  email: 'ada@example.com',
  phone: '+14155550100',
  password: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  ...argon,
});

describe('UserAggregate', () => {
  describe('create', () => {
    it('creates a new user and claims its email and phone', () => {
      const result = spec.given().when((user) =>
        user.create({
          userId: 'u1',
          name: 'Ada',
          email: 'ada@example.com',
          phone: '+14155550100',
          password: created.data.password,
          ...argon,
        }),
      );
      result.then(created);
      expect(result.aggregate.pendingConstraints).toEqual([
        { op: 'claim', scope: 'user.email', value: 'ada@example.com' },
        { op: 'claim', scope: 'user.phone', value: '+14155550100' },
      ]);
    });

    it("records the source system's creation time of an imported user, and only then", () => {
      spec
        .given()
        .when((user) => user.create({ ...created.data, registeredAt: new Date('2019-05-04T08:00:00.000Z') }))
        .then(new UserCreatedEvent({ ...created.data, registeredAt: '2019-05-04T08:00:00.000Z' }));
    });

    it('refuses an id that exists', () => {
      spec
        .given(created)
        .when((user) =>
          user.create({ userId: 'u1', name: '', email: null, phone: null, password: null, ...argon }),
        )
        .thenThrows(UserAlreadyExistsError);
    });

    it('accepts the id of a deleted user again, keeping its history', () => {
      const again = new UserCreatedEvent({
        userId: 'u1',
        name: '',
        email: null,
        phone: null,
        password: null,
        ...argon,
      });
      const result = spec
        .given(created, new UserDeletedEvent({}))
        .when((user) =>
          user.create({ userId: 'u1', name: '', email: null, phone: null, password: null, ...argon }),
        );
      result.then(again);
      expect(result.aggregate.version).toBe(3);
    });
  });

  describe('changes', () => {
    it.each([
      ['name', (u: UserAggregate) => u.changeName('Grace'), new UserNameChangedEvent({ name: 'Grace' })],
      ['status', (u: UserAggregate) => u.changeStatus(false), new UserStatusChangedEvent({ status: false })],
      [
        'labels (de-duplicated)',
        (u: UserAggregate) => u.changeLabels(['vip', 'admin', 'vip']),
        new UserLabelsChangedEvent({ labels: ['vip', 'admin'] }),
      ],
      [
        'password',
        (u: UserAggregate) => u.changePassword({ password: 'h', ...argon }),
        new UserPasswordChangedEvent({ password: 'h', ...argon }),
      ],
      [
        'password, keeping the session it was changed from',
        (u: UserAggregate) => u.changePassword({ password: 'h', ...argon }, 's1'),
        new UserPasswordChangedEvent({ password: 'h', ...argon, keepSessionId: 's1' }),
      ],
      [
        'password hash (re-hash)',
        (u: UserAggregate) => u.rehashPassword({ password: '$argon2id$x', ...argon }, created.data.password!),
        new UserPasswordRehashedEvent({ password: '$argon2id$x', ...argon }),
      ],
    ])('changes %s of an existing user', (_name, act, expected) => {
      spec.given(created).when(act).then(expected);
    });

    it('drops a re-hash made from a hash that is no longer the stored one (the password changed meanwhile)', () => {
      const rehash = (u: UserAggregate) =>
        u.rehashPassword({ password: '$argon2id$x', ...argon }, created.data.password!);
      spec
        .given(created, new UserPasswordChangedEvent({ password: 'new', ...argon }))
        .when(rehash)
        .then();
      spec
        .given(created, new UserPasswordRehashedEvent({ password: 'upgraded', ...argon }))
        .when(rehash)
        .then();
      spec
        .given(created, new UserPasswordChangedEvent({ password: 'new', ...argon }))
        .when((u) => u.rehashPassword({ password: '$argon2id$y', ...argon }, 'new'))
        .then(new UserPasswordRehashedEvent({ password: '$argon2id$y', ...argon }));
    });

    it('moves the email constraint when the email changes', () => {
      const result = spec.given(created).when((u) => u.changeEmail('grace@example.com'));
      result.then(new UserEmailChangedEvent({ email: 'grace@example.com' }));
      expect(result.aggregate.pendingConstraints).toEqual([
        { op: 'release', scope: 'user.email', value: 'ada@example.com' },
        { op: 'claim', scope: 'user.email', value: 'grace@example.com' },
      ]);
    });

    it('releases the email when it is cleared', () => {
      const result = spec.given(created).when((u) => u.changeEmail(null));
      result.then(new UserEmailChangedEvent({ email: null }));
      expect(result.aggregate.pendingConstraints).toEqual([
        { op: 'release', scope: 'user.email', value: 'ada@example.com' },
      ]);
    });

    it('treats re-submitting the current email or phone as a no-op', () => {
      spec
        .given(created)
        .when((u) => u.changeEmail('ada@example.com'))
        .then();
      spec
        .given(created)
        .when((u) => u.changePhone('+14155550100'))
        .then();
    });

    it('moves the phone constraint when the phone changes', () => {
      const result = spec.given(created).when((u) => u.changePhone('+14155550199'));
      result.then(new UserPhoneChangedEvent({ phone: '+14155550199' }));
      expect(result.aggregate.pendingConstraints).toHaveLength(2);
    });

    it.each([
      ['a user that never existed', []],
      ['a deleted user', [created, new UserDeletedEvent({})]],
    ])('refuses every change to %s', (_name, history) => {
      const acts: Array<(u: UserAggregate) => void> = [
        (u) => u.changeName('x'),
        (u) => u.changeEmail('x@example.com'),
        (u) => u.changePhone('+14155550100'),
        (u) => u.changePassword({ password: null, ...argon }),
        (u) => u.changeStatus(false),
        (u) => u.changeEmailVerification(true),
        (u) => u.changePhoneVerification(true),
        (u) => u.changeLabels([]),
        (u) => u.updatePrefs({}),
        (u) => u.delete(),
      ];
      for (const act of acts)
        spec
          .given(...history)
          .when(act)
          .thenThrows(UserNotFoundError);
    });
  });

  describe('delete', () => {
    it('deletes and frees email and phone', () => {
      const result = spec.given(created).when((u) => u.delete());
      result.then(new UserDeletedEvent({}));
      expect(result.aggregate.pendingConstraints).toEqual([
        { op: 'release', scope: 'user.email', value: 'ada@example.com' },
        { op: 'release', scope: 'user.phone', value: '+14155550100' },
      ]);
      expect(result.aggregate.exists).toBe(false);
    });
  });

  it('counts its version from history and new events', () => {
    const result = spec
      .given(created, new UserNameChangedEvent({ name: 'x' }))
      .when((u) => u.changeStatus(false));
    expect(result.aggregate.version).toBe(3);
  });
});
