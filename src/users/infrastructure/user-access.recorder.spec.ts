import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config';
import type { UserView } from '../queries/user.view';
import { isAccessStale } from './user-access.queue';
import { UserAccessRecorder } from './user-access.recorder';

const HOUR = 3600_000;

describe('accessedAt rule', () => {
  const now = new Date('2026-01-02T00:00:00.000Z');

  it('is due when never set or older than the window (Appwrite: now - window > accessedAt)', () => {
    expect(isAccessStale(null, now, 24 * HOUR)).toBe(true);
    expect(isAccessStale(new Date(now.getTime() - 24 * HOUR - 1), now, 24 * HOUR)).toBe(true);
    expect(isAccessStale(new Date(now.getTime() - 24 * HOUR), now, 24 * HOUR)).toBe(false);
    expect(isAccessStale(new Date(now.getTime() - HOUR), now, 24 * HOUR)).toBe(false);
  });
});

describe('UserAccessRecorder', () => {
  const config = { USER_ACCESS_WINDOW_SECONDS: 86_400, QUEUE_PREFIX: 'test' } as AppConfig;
  const user = (accessedAt: Date | null) => ({ id: 'u1', incarnation: 7, accessedAt }) as UserView;

  it('does not touch Redis while accessedAt is within the window', () => {
    const set = jest.fn();
    new UserAccessRecorder({ set } as unknown as Redis, config).record(user(new Date()));
    expect(set).not.toHaveBeenCalled();
  });

  it('neither throws nor rejects when Redis fails, and queues nothing when the key is already taken', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const failing = { set: jest.fn().mockRejectedValue(new Error('Connection is closed.')) };
      expect(() =>
        new UserAccessRecorder(failing as unknown as Redis, config).record(user(null)),
      ).not.toThrow();
      const taken = { set: jest.fn().mockResolvedValue(null) };
      const recorder = new UserAccessRecorder(taken as unknown as Redis, config);
      recorder.record(user(null));
      await new Promise((resolve) => setImmediate(resolve));
      expect(failing.set).toHaveBeenCalledWith('test:user-access:u1', '1', 'PX', 600_000, 'NX');
      expect(taken.set).toHaveBeenCalledTimes(1);
      // No queue was created: the key was already taken.
      expect((recorder as unknown as { queue?: unknown }).queue).toBeUndefined();
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
