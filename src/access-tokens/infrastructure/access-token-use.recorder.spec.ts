import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config';
import { ACCESS_TOKEN_USE_WINDOW_MS, isUseStale } from './access-token-use.queue';
import { AccessTokenUseRecorder } from './access-token-use.recorder';

describe('lastUsedAt rule', () => {
  const now = new Date('2026-01-02T00:00:00.000Z');

  it('is due when never set or older than the window', () => {
    expect(isUseStale(null, now)).toBe(true);
    expect(isUseStale(new Date(now.getTime() - ACCESS_TOKEN_USE_WINDOW_MS - 1), now)).toBe(true);
    expect(isUseStale(new Date(now.getTime() - ACCESS_TOKEN_USE_WINDOW_MS), now)).toBe(false);
    expect(isUseStale(new Date(now.getTime() - 1000), now)).toBe(false);
  });
});

describe('AccessTokenUseRecorder', () => {
  const config = { QUEUE_PREFIX: 'test' } as AppConfig;

  it('does not touch Redis while lastUsedAt is within the window', () => {
    const set = jest.fn();
    new AccessTokenUseRecorder({ set } as unknown as Redis, config).record({
      id: 't1',
      last_used_at: new Date(),
    });
    expect(set).not.toHaveBeenCalled();
  });

  it('takes the per-token key for one window, and queues nothing when another request holds it', async () => {
    const taken = { set: jest.fn().mockResolvedValue(null) };
    const recorder = new AccessTokenUseRecorder(taken as unknown as Redis, config);
    recorder.record({ id: 't1', last_used_at: null });
    await new Promise((resolve) => setImmediate(resolve));
    expect(taken.set).toHaveBeenCalledWith(
      'test:access-token-use:t1',
      '1',
      'PX',
      ACCESS_TOKEN_USE_WINDOW_MS,
      'NX',
    );
    expect((recorder as unknown as { queue?: unknown }).queue).toBeUndefined();
  });

  it('neither throws nor rejects when Redis fails', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const failing = { set: jest.fn().mockRejectedValue(new Error('Connection is closed.')) };
      expect(() =>
        new AccessTokenUseRecorder(failing as unknown as Redis, config).record({
          id: 't1',
          last_used_at: null,
        }),
      ).not.toThrow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
