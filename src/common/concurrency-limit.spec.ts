import { mapWithConcurrency, Semaphore } from './concurrency-limit';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('concurrency limits', () => {
  it('Semaphore runs at most `limit` tasks at once and all of them in the end', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const task = async (n: number) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => semaphore.run(() => task(n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('Semaphore frees the slot of a task that throws', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(semaphore.run(() => Promise.resolve(7))).resolves.toBe(7);
  });

  it('mapWithConcurrency visits every index once, `limit` at a time', async () => {
    const seen: number[] = [];
    let running = 0;
    let peak = 0;
    await mapWithConcurrency([...'abcdefg'], 3, async (_item, index) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      seen.push(index);
      running--;
    });
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(3);
  });
});
