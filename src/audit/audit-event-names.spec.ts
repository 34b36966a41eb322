import { auditEventName, subjectUserId } from './audit-event-names';

const user = (type: string) => ({ type, streamType: 'user', streamId: 'u1', data: {} });

describe('auditEventName', () => {
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
    ['user.prefs.updated', 'users.u1.update.prefs'],
    ['user.deleted', 'users.u1.delete'],
  ])('names %s as %s', (type, name) => {
    expect(auditEventName(user(type))).toBe(name);
  });

  it('names session events after the user and the session', () => {
    const created = {
      type: 'session.created',
      streamType: 'session',
      streamId: 's1',
      data: { sessionId: 's1', userId: 'u1' },
    };
    expect(auditEventName(created)).toBe('users.u1.sessions.s1.create');
    const revoked = {
      type: 'session.revoked',
      streamType: 'session',
      streamId: 's1',
      data: { userId: 'u1', reason: 'x' },
    };
    expect(auditEventName(revoked)).toBe('users.u1.sessions.s1.delete');
  });

  it('names identity events after the user and the identity', () => {
    const base = { streamType: 'identity', streamId: 'i1' };
    expect(
      auditEventName({ ...base, type: 'identity.created', data: { identityId: 'i1', userId: 'u1' } }),
    ).toBe('users.u1.identities.i1.create');
    expect(auditEventName({ ...base, type: 'identity.deleted', data: { userId: 'u1' } })).toBe(
      'users.u1.identities.i1.delete',
    );
  });

  it('keeps the stored name of types it does not know', () => {
    expect(auditEventName(user('user.mfa.changed'))).toBe('user.u1.user.mfa.changed');
    expect(auditEventName({ type: 'session.revoked', streamType: 'session', streamId: 's1', data: {} })).toBe(
      'session.s1.session.revoked',
    );
  });
});

describe('subjectUserId', () => {
  it('is the stream id of user events and data.userId otherwise', () => {
    expect(subjectUserId(user('user.created'))).toBe('u1');
    expect(
      subjectUserId({
        type: 'session.created',
        streamType: 'session',
        streamId: 's1',
        data: { userId: 'u2' },
      }),
    ).toBe('u2');
    expect(
      subjectUserId({ type: 'identity.deleted', streamType: 'identity', streamId: 'i1', data: {} }),
    ).toBeUndefined();
  });
});
