import type { RecordedEvent } from '@libs/event-store';
import { recorded } from '@libs/event-store/testing';
import { ALL_EVENTS, AnyEvent } from '../../events';
import { isSubscribableEvent, matchesWebhook, webhookEventNames } from './webhook-event-names';

const event = (type: string, streamType: string, streamId: string, data: Record<string, unknown> = {}) =>
  recorded(ALL_EVENTS.toDomain({ type, schemaVersion: 99, data }), {
    streamType,
    streamId,
  }) as RecordedEvent<AnyEvent>;

describe('webhookEventNames', () => {
  it("expands a user event as Appwrite's generateEvents does", () => {
    expect(webhookEventNames(event('user.status.changed', 'user', 'u1')).sort()).toEqual(
      [
        'users.u1.update.status',
        'users.*.update.status',
        'users.u1.update',
        'users.*.update',
        'users.u1',
        'users.*',
      ].sort(),
    );
  });

  it('expands a target event after the target named in its data (the stream is the user)', () => {
    const names = webhookEventNames(event('user.target.updated', 'user', 'u1', { targetId: 't.1' }));
    expect(names.sort()).toEqual(
      [
        'users.u1.targets.t.1.update',
        'users.*.targets.t.1.update',
        'users.u1.targets.*.update',
        'users.*.targets.*.update',
        'users.u1.targets.t.1',
        'users.*.targets.t.1',
        'users.u1.targets.*',
        'users.*.targets.*',
        'users.u1',
        'users.*',
      ].sort(),
    );
    expect(isSubscribableEvent('users.*.targets.*.update')).toBe(true);
    expect(isSubscribableEvent('users.*.targets.*.expire')).toBe(false);
  });

  it('expands a personal access token event (extension) after the token, and lets webhooks subscribe to it', () => {
    const names = webhookEventNames(
      event('access_token.updated', 'access_token', 'k1', { userId: 'u1', isActive: false }),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'users.u1.access-tokens.k1.update',
        'users.*.access-tokens.*.update',
        'users.*.access-tokens.*',
        'users.*',
      ]),
    );
    expect(names).toHaveLength(10);
    expect(isSubscribableEvent('users.*.access-tokens.*.delete')).toBe(true);
    expect(isSubscribableEvent('users.*.access-tokens.*.use')).toBe(false);
  });

  it('expands a session event with every combination of ids and wildcards', () => {
    const names = webhookEventNames(event('session.revoked', 'session', 's.1', { userId: 'u.1' }));
    expect(names.sort()).toEqual(
      [
        'users.u.1.sessions.s.1.delete',
        'users.*.sessions.s.1.delete',
        'users.u.1.sessions.*.delete',
        'users.*.sessions.*.delete',
        'users.u.1.sessions.s.1',
        'users.*.sessions.s.1',
        'users.u.1.sessions.*',
        'users.*.sessions.*',
        'users.u.1',
        'users.*',
      ].sort(),
    );
  });

  it.each([
    [['users.*'], 'user.created', true],
    [['users.*.update.status'], 'user.status.changed', true],
    [['users.*.update.status'], 'user.name.changed', false],
    [['users.*.update'], 'user.name.changed', true],
    [['users.u1.update.name'], 'user.name.changed', true],
    [['users.u2.update.name'], 'user.name.changed', false],
    [['users.*.create'], 'user.deleted', false],
    [['users.*.update.password'], 'user.password.rehashed', false],
  ])('webhook %j fires for %s: %s', (subscribed, type, fires) => {
    expect(matchesWebhook(subscribed, webhookEventNames(event(type, 'user', 'u1')))).toBe(fires);
  });

  it('matches session and identity wildcards only on their own resource', () => {
    const revoked = webhookEventNames(event('session.revoked', 'session', 's1', { userId: 'u1' }));
    const created = webhookEventNames(event('session.created', 'session', 's1', { userId: 'u1' }));
    const identity = webhookEventNames(event('identity.deleted', 'identity', 'i1', { userId: 'u1' }));
    expect(matchesWebhook(['users.*.sessions.*.delete'], revoked)).toBe(true);
    expect(matchesWebhook(['users.*.sessions.*.delete'], created)).toBe(false);
    expect(matchesWebhook(['users.*.sessions.*.delete'], identity)).toBe(false);
    expect(matchesWebhook(['users.*.identities.*'], identity)).toBe(true);
    expect(matchesWebhook(['users.u1'], identity)).toBe(true);
  });
});

describe('isSubscribableEvent', () => {
  it.each([
    'users.*',
    'users.abc',
    'users.*.create',
    'users.*.update',
    'users.*.update.status',
    'users.a.b.update.prefs',
    'users.*.sessions.*',
    'users.*.sessions.*.delete',
    'users.u1.identities.i1.create',
  ])('accepts %s', (name) => expect(isSubscribableEvent(name)).toBe(true));

  it.each([
    'users',
    '*',
    'databases.*',
    'users.*.sessions',
    'users.*.sessions.*.update',
    'users.*.UPDATE',
    '',
  ])('refuses %j', (name) => expect(isSubscribableEvent(name)).toBe(false));
});
