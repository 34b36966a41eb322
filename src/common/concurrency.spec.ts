import { ConcurrencyError } from '@libs/event-store';
import { ConflictError } from '@libs/http';
import { withConcurrencyRetry } from './concurrency';

describe('withConcurrencyRetry', () => {
  it('re-runs after a concurrency error and returns the later result', async () => {
    let calls = 0;
    const result = await withConcurrencyRetry(async () => {
      calls += 1;
      if (calls < 3) throw new ConcurrencyError('user', 'u1', 1);
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('answers 409 after the bounded number of attempts', async () => {
    let calls = 0;
    const run = withConcurrencyRetry(async () => {
      calls += 1;
      throw new ConcurrencyError('user', 'u1', 1);
    }, 3);
    await expect(run).rejects.toBeInstanceOf(ConflictError);
    expect(calls).toBe(3);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      withConcurrencyRetry(async () => {
        calls += 1;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});
