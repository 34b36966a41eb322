import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('writes concurrent items in one batch and resolves each', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number>(
      async (items) => {
        batches.push(items);
      },
      10,
      5,
    );
    await Promise.all([1, 2, 3].map((n) => batcher.add(n)));
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('writes as soon as maxSize items wait', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number>(
      async (items) => {
        batches.push(items);
      },
      2,
      10_000,
    );
    await Promise.all([1, 2, 3, 4].map((n) => batcher.add(n)));
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('rejects every item of a failed batch, and later batches still run', async () => {
    let fail = true;
    const batcher = new MicroBatcher<number>(
      async () => {
        if (fail) throw new Error('db down');
      },
      10,
      1,
    );
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batcher.add(3)).resolves.toBeUndefined();
  });
});
