import type { RecordedEvent } from '@libs/event-store';
import { recorded } from '@libs/event-store/testing';
import { ALL_EVENTS, AnyEvent } from '../events/all-events';
import { auditEventName, subjectUserId } from './audit-event-names';

/** A decoded event of `type` on a stream, its payload taken as current (no upcasting), with only the fields read. */
const event = (type: string, streamType: string, streamId: string, data: Record<string, unknown> = {}) =>
  recorded(ALL_EVENTS.toDomain({ type, schemaVersion: 99, data }), {
    streamType,
    streamId,
  }) as RecordedEvent<AnyEvent>;
const user = (type: string) => event(type, 'user', 'u1');

describe('auditEventName', () => {
  it('names a challenge by its own id, and factors added as a session update', () => {
    const challenge = { userId: 'u1', challengeId: 'c1', factor: 'totp', expire: '2030-01-01T00:00:00.000Z' };
    expect(auditEventName(event('session.challenge.created', 'session', 's1', challenge))).toBe(
      'users.u1.challenges.c1.create',
    );
    const added = { userId: 'u1', factors: ['totp'], challengeId: 'c1' };
    expect(auditEventName(event('session.factors.added', 'session', 's1', added))).toBe(
      'users.u1.sessions.s1.update',
    );
  });

  it.each([
    ['user.created', 'users.u1.create'],
    ['user.name.changed', 'users.u1.update.name'],
    ['user.email.changed', 'users.u1.update.email'],
    ['user.phone.changed', 'users.u1.update.phone'],
    ['user.password.changed', 'users.u1.update.password'],
    ['user.status.changed', 'users.u1.update.status'],
    ['user.email.verification.changed', 'users.u1.update.verification'],
    ['user.phone.verification.changed', 'users.u1.update.verification'],
    ['user.labels.changed', 'users.u1.update.labels'],
    ['user.impersonator.changed', 'users.u1.update.impersonator'],
    ['user.prefs.updated', 'users.u1.update.prefs'],
    ['user.deleted', 'users.u1.delete'],
    ['user.banned', 'users.u1.update.ban'],
    ['user.unbanned', 'users.u1.update.unban'],
    ['user.locked', 'users.u1.update.lock'],
    ['user.unlocked', 'users.u1.update.unlock'],
    ['user.mfa.changed', 'users.u1.update.mfa'],
    ['user.mfa.totp.added', 'users.u1.create.mfa.authenticators.totp'],
    ['user.mfa.totp.verified', 'users.u1.update.mfa.authenticators.totp'],
    ['user.mfa.totp.removed', 'users.u1.delete.mfa.authenticators.totp'],
    ['user.mfa.recovery-codes.generated', 'users.u1.create.mfa.recovery-codes'],
    ['user.mfa.recovery-code.used', 'users.u1.update.mfa.recovery-codes'],
    ['user.mfa.reset', 'users.u1.delete.mfa'],
  ])('names %s as %s', (type, name) => {
    expect(auditEventName(user(type))).toBe(name);
  });

  it.each([
    ['user.target.created', 'users.u1.targets.t1.create'],
    ['user.target.updated', 'users.u1.targets.t1.update'],
    ['user.target.deleted', 'users.u1.targets.t1.delete'],
  ])('names %s after the user and the target', (type, name) => {
    expect(auditEventName(event(type, 'user', 'u1', { targetId: 't1' }))).toBe(name);
  });

  it('names session events after the user and the session', () => {
    const created = event('session.created', 'session', 's1', { sessionId: 's1', userId: 'u1' });
    expect(auditEventName(created)).toBe('users.u1.sessions.s1.create');
    const revoked = event('session.revoked', 'session', 's1', { userId: 'u1', reason: 'x' });
    expect(auditEventName(revoked)).toBe('users.u1.sessions.s1.delete');
  });

  it('names identity events after the user and the identity', () => {
    expect(
      auditEventName(event('identity.created', 'identity', 'i1', { identityId: 'i1', userId: 'u1' })),
    ).toBe('users.u1.identities.i1.create');
    expect(auditEventName(event('identity.deleted', 'identity', 'i1', { userId: 'u1' }))).toBe(
      'users.u1.identities.i1.delete',
    );
  });

  it.each([
    ['access_token.created', 'create'],
    ['access_token.updated', 'update'],
    ['access_token.deleted', 'delete'],
  ])('names %s after the user and the personal access token', (type, action) => {
    expect(auditEventName(event(type, 'access_token', 'k1', { tokenId: 'k1', userId: 'u1' }))).toBe(
      `users.u1.access-tokens.k1.${action}`,
    );
  });
});

describe('failed logins', () => {
  it('are named after their user, with no session', () => {
    const failed = event('login.failed', 'login', 'a1', { userId: 'u1', factor: 'password' });
    expect(auditEventName(failed)).toBe('users.u1.sessions.create.failed');
    expect(subjectUserId(failed)).toBe('u1');
  });
});

describe('subjectUserId', () => {
  it('is the stream id of user events and data.userId otherwise', () => {
    expect(subjectUserId(user('user.created'))).toBe('u1');
    expect(subjectUserId(event('session.created', 'session', 's1', { userId: 'u2' }))).toBe('u2');
    expect(subjectUserId(event('identity.deleted', 'identity', 'i1', { userId: 'u3' }))).toBe('u3');
  });
});
