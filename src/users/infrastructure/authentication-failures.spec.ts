import { Logger } from '@nestjs/common';
import { EventDecoder } from '@libs/event-store';
import { InMemoryEventStore } from '@libs/event-store/testing';
import { RequestContext } from '../../common';
import type { AppConfig } from '../../config';
import { ALL_EVENTS } from '../../events';
import { UserCreatedEvent } from '../domain/events';
import { UserAggregate } from '../domain/user.aggregate';
import { AuthenticationFailures } from './authentication-failures';
import type { FailedAttempts } from './failed-attempts';
import type { UserProjection } from './user.projection';
import { UserRepository } from './user.repository';

/** Counts like the Redis counter, in memory. */
function memoryAttempts(): FailedAttempts {
  const counts = new Map<string, number>();
  return {
    add: async (id: string) => {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      return counts.get(id)!;
    },
    count: async (id: string) => counts.get(id) ?? 0,
    clear: async (id: string) => void counts.delete(id),
  } as unknown as FailedAttempts;
}

async function setup(config: Partial<AppConfig>) {
  const store = new InMemoryEventStore();
  const decoder = new EventDecoder(ALL_EVENTS);
  const noProjection = { apply: async () => undefined } as unknown as UserProjection;
  const users = new UserRepository(store as never, decoder, noProjection);
  const user = new UserAggregate('u1');
  user.apply(
    new UserCreatedEvent({
      userId: 'u1',
      name: '',
      email: 'a@x.io',
      phone: null,
      password: null,
      hash: 'argon2',
      hashOptions: {},
    }),
  );
  await users.save(user);
  const attempts = memoryAttempts();
  const failures = new AuthenticationFailures(
    attempts,
    users,
    store as never,
    {
      LOCKOUT_ATTEMPTS: 3,
      LOCKOUT_DURATION: 60,
      ...config,
    } as AppConfig,
  );
  const ofType = (type: string) => store.events.filter((e) => e.type === type);
  return { failures, ofType };
}

/** The log's append runs in the background; on the in-memory store it is done once the microtasks are. */
const settled = () => new Promise((resolve) => setImmediate(resolve));
const context = { requestId: 'r1', ip: '203.0.113.7', userAgent: 'curl/8' };
const now = new Date('2030-01-01T00:00:00.000Z');

describe('AuthenticationFailures', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('logs every failure on a stream of its own, with the request IP and user agent', async () => {
    const t = await setup({});
    await RequestContext.run(context, () => t.failures.record('u1', 'password', now));
    await settled();
    const [failed] = t.ofType('login.failed');
    expect(failed).toMatchObject({
      streamType: 'login',
      data: { userId: 'u1', factor: 'password' },
      metadata: { ip: '203.0.113.7', userAgent: 'curl/8', requestId: 'r1' },
    });
    expect(failed.streamId).not.toBe('u1');
    expect(await t.failures.failedAttempts('u1')).toBe(1);
  });

  it('locks at the limit, once, for LOCKOUT_DURATION, as the system', async () => {
    const t = await setup({});
    for (let i = 0; i < 5; i++) await t.failures.record('u1', 'password', now);
    await settled();
    expect(t.ofType('login.failed')).toHaveLength(5);
    const locked = t.ofType('user.locked');
    expect(locked.map((e) => [e.data, e.metadata.actor])).toEqual([
      [
        { until: '2030-01-01T00:01:00.000Z', cause: 'failed-attempts' },
        { type: 'system', id: 'lockout' },
      ],
    ]);
  });

  it('never locks with LOCKOUT_ATTEMPTS=0, and counts all the same', async () => {
    const t = await setup({ LOCKOUT_ATTEMPTS: 0 });
    for (let i = 0; i < 5; i++) await t.failures.record('u1', 'totp', now);
    expect(t.ofType('user.locked')).toHaveLength(0);
    expect(await t.failures.failedAttempts('u1')).toBe(5);
  });

  it('a success resets the count', async () => {
    const t = await setup({});
    await t.failures.record('u1', 'password', now);
    t.failures.succeeded('u1');
    await settled();
    expect(await t.failures.failedAttempts('u1')).toBe(0);
  });

  it('does not throw when the user is gone (the bookkeeping never changes the answer)', async () => {
    const t = await setup({ LOCKOUT_ATTEMPTS: 1 });
    await expect(t.failures.record('ghost', 'password', now)).resolves.toBeUndefined();
  });
});
