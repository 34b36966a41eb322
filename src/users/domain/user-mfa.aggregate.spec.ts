import { aggregateSpec } from '@libs/event-store/testing';
import {
  UserCreatedEvent,
  UserDeletedEvent,
  UserMfaChangedEvent,
  UserMfaRecoveryCodeUsedEvent,
  UserMfaRecoveryCodesGeneratedEvent,
  UserMfaResetEvent,
  UserMfaTotpAddedEvent,
  UserMfaTotpRemovedEvent,
  UserMfaTotpVerifiedEvent,
} from './events';
import { hashRecoveryCode, newTotpSecret, totpCodeAt } from './totp';
import { UserAggregate } from './user.aggregate';
import {
  UserAuthenticatorAlreadyVerifiedError,
  UserAuthenticatorNotFoundError,
  UserInvalidTokenError,
  UserNotFoundError,
  UserRecoveryCodesAlreadyExistsError,
  UserRecoveryCodesNotFoundError,
} from './user.errors';

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
const now = new Date('2030-01-01T00:00:00.000Z');
const secret = newTotpSecret();
const added = new UserMfaTotpAddedEvent({ secret });
const codes = ['aaaaaaaaaa', 'bbbbbbbbbb'];
const generated = new UserMfaRecoveryCodesGeneratedEvent({ hashes: codes.map(hashRecoveryCode) });

describe('UserAggregate MFA', () => {
  it('turns MFA on and off', () => {
    spec
      .given(created)
      .when((u) => u.changeMfa(true))
      .then(new UserMfaChangedEvent({ mfa: true }));
  });

  it('adds a TOTP authenticator, replacing an unverified one', () => {
    spec
      .given(created, added)
      .when((u) => u.addTotp('OTHER'))
      .then(new UserMfaTotpAddedEvent({ secret: 'OTHER' }));
  });

  it('refuses a second authenticator once one is verified', () => {
    spec
      .given(created, added, new UserMfaTotpVerifiedEvent({}))
      .when((u) => u.addTotp('OTHER'))
      .thenThrows(UserAuthenticatorAlreadyVerifiedError);
  });

  it('verifies the authenticator with its current code', () => {
    spec
      .given(created, added)
      .when((u) => u.verifyTotp(totpCodeAt(secret, now), now))
      .then(new UserMfaTotpVerifiedEvent({}));
  });

  it('refuses a wrong code, a missing or an already verified authenticator', () => {
    spec
      .given(created, added)
      .when((u) => u.verifyTotp('000000', now))
      .thenThrows(UserInvalidTokenError);
    spec
      .given(created)
      .when((u) => u.verifyTotp('000000', now))
      .thenThrows(UserAuthenticatorNotFoundError);
    spec
      .given(created, added, new UserMfaTotpVerifiedEvent({}))
      .when((u) => u.verifyTotp(totpCodeAt(secret, now), now))
      .thenThrows(UserAuthenticatorAlreadyVerifiedError);
  });

  it('removes the authenticator, and refuses when there is none', () => {
    spec
      .given(created, added)
      .when((u) => u.removeTotp())
      .then(new UserMfaTotpRemovedEvent({}));
    spec
      .given(created)
      .when((u) => u.removeTotp())
      .thenThrows(UserAuthenticatorNotFoundError);
  });

  it('creates recovery codes once, regenerates only existing ones', () => {
    spec
      .given(created)
      .when((u) => u.generateRecoveryCodes(codes, false))
      .then(generated);
    spec
      .given(created, generated)
      .when((u) => u.generateRecoveryCodes(codes, false))
      .thenThrows(UserRecoveryCodesAlreadyExistsError);
    spec
      .given(created)
      .when((u) => u.generateRecoveryCodes(codes, true))
      .thenThrows(UserRecoveryCodesNotFoundError);
    spec
      .given(created, generated)
      .when((u) => u.generateRecoveryCodes(codes, true))
      .then(generated);
  });

  it('uses a recovery code once', () => {
    const used = new UserMfaRecoveryCodeUsedEvent({ hash: hashRecoveryCode('aaaaaaaaaa') });
    spec
      .given(created, generated)
      .when((u) => u.useRecoveryCode('aaaaaaaaaa'))
      .then(used);
    spec
      .given(created, generated, used)
      .when((u) => u.useRecoveryCode('aaaaaaaaaa'))
      .then();
  });

  it('resets every factor', () => {
    spec
      .given(created, added, generated)
      .when((u) => u.resetMfa())
      .then(new UserMfaResetEvent({}));
  });

  it('forgets the factors of a deleted incarnation', () => {
    spec
      .given(created, added, new UserMfaTotpVerifiedEvent({}), new UserDeletedEvent({}), created)
      .when((u) => u.removeTotp())
      .thenThrows(UserAuthenticatorNotFoundError);
    spec
      .given(created, new UserDeletedEvent({}))
      .when((u) => u.changeMfa(true))
      .thenThrows(UserNotFoundError);
  });
});
