import { ConcurrencyError, EVENT_STORE_DDL, MysqlEventStore, UniqueConstraintError } from '@libs/event-store';
import { createConnection, createPool, Pool } from 'mysql2/promise';
import { poolOptionsFromUrl } from '../../src/database/database-url';
import { ensureDatabase } from '../../src/database/ensure-database';
import { freshDatabaseUrl } from '../support/database';

describe('MysqlEventStore against MariaDB', () => {
  let pool: Pool;
  let store: MysqlEventStore;

  beforeAll(async () => {
    const url = freshDatabaseUrl();
    await ensureDatabase(url);
    const connection = await createConnection(poolOptionsFromUrl(url, 1));
    for (const ddl of EVENT_STORE_DDL) await connection.query(ddl);
    await connection.end();
    pool = createPool(poolOptionsFromUrl(url, 16));
    store = new MysqlEventStore(pool);
  });
  afterAll(async () => {
    await pool.end();
  });

  const event = (n: number) => ({ type: 'thing.happened', data: { n } });

  it('appends, reads a stream back in order with metadata, and from a version', async () => {
    await store.append({
      streamType: 'thing',
      streamId: 's1',
      expectedVersion: 0,
      events: [event(1), event(2)],
      metadata: { requestId: 'r1', ip: '127.0.0.1' },
    });
    await store.append({ streamType: 'thing', streamId: 's1', expectedVersion: 2, events: [event(3)] });
    const all = await store.readStream('thing', 's1');
    expect(all.map((e) => [e.version, e.data.n])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(all[0].metadata).toEqual({ requestId: 'r1', ip: '127.0.0.1' });
    expect(all[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(all[0].occurredAt).toBeInstanceOf(Date);
    expect((await store.readStream('thing', 's1', 2)).map((e) => e.version)).toEqual([3]);
    expect(all[1].position).toBeGreaterThan(all[0].position);
  });

  it('lets exactly one of two concurrent appends at the same version win', async () => {
    await store.append({ streamType: 'thing', streamId: 'race', expectedVersion: 0, events: [event(0)] });
    for (let round = 0; round < 20; round++) {
      const version = round + 1;
      const results = await Promise.allSettled([
        store.append({ streamType: 'thing', streamId: 'race', expectedVersion: version, events: [event(1)] }),
        store.append({ streamType: 'thing', streamId: 'race', expectedVersion: version, events: [event(2)] }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ConcurrencyError);
    }
    expect(await store.readStream('thing', 'race')).toHaveLength(21);
  });

  it('refuses an append at a stale version and writes nothing of it', async () => {
    await store.append({
      streamType: 'thing',
      streamId: 'stale',
      expectedVersion: 0,
      events: [event(1), event(2)],
    });
    await expect(
      store.append({
        streamType: 'thing',
        streamId: 'stale',
        expectedVersion: 1,
        events: [event(9), event(10)],
      }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream('thing', 'stale')).map((e) => e.data.n)).toEqual([1, 2]);
  });

  it('enforces unique constraints in the append transaction, and rolls the events back with them', async () => {
    const claim = (value: string) => [{ op: 'claim' as const, scope: 'thing.name', value }];
    await store.append({
      streamType: 'thing',
      streamId: 'u1',
      expectedVersion: 0,
      events: [event(1)],
      uniqueConstraints: claim('alpha'),
    });
    await expect(
      store.append({
        streamType: 'thing',
        streamId: 'u2',
        expectedVersion: 0,
        events: [event(1)],
        uniqueConstraints: claim('alpha'),
      }),
    ).rejects.toBeInstanceOf(UniqueConstraintError);
    expect(await store.readStream('thing', 'u2')).toHaveLength(0);
    // Released by its holder, the value can be claimed by another stream.
    await store.append({
      streamType: 'thing',
      streamId: 'u1',
      expectedVersion: 1,
      events: [event(2)],
      uniqueConstraints: [{ op: 'release', scope: 'thing.name', value: 'alpha' }],
    });
    await store.append({
      streamType: 'thing',
      streamId: 'u2',
      expectedVersion: 0,
      events: [event(1)],
      uniqueConstraints: claim('alpha'),
    });
  });

  it('rolls back everything when the inline projection fails', async () => {
    await expect(
      store.append({
        streamType: 'thing',
        streamId: 'proj',
        expectedVersion: 0,
        events: [event(1)],
        uniqueConstraints: [{ op: 'claim', scope: 'thing.name', value: 'proj-value' }],
        project: async () => {
          throw new Error('projection failed');
        },
      }),
    ).rejects.toThrow('projection failed');
    expect(await store.readStream('thing', 'proj')).toHaveLength(0);
    const [rows] = await pool.query(
      "SELECT COUNT(*) AS n FROM unique_constraints WHERE value = 'proj-value'",
    );
    expect((rows as Array<{ n: number }>)[0].n).toBe(0);
  });

  it('reads all streams by global position past a checkpoint', async () => {
    const first = await store.readAll(0, 1000);
    expect(first.length).toBeGreaterThan(10);
    const positions = first.map((e) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const tail = await store.readAll(positions[4], 3);
    expect(tail.map((e) => e.position)).toEqual(positions.slice(5, 8));
  });

  it('tells listeners after each commit, never after a failed append', async () => {
    const seen: number[] = [];
    store.onCommitted((events) => seen.push(...events.map((e) => e.version)));
    await store.append({ streamType: 'thing', streamId: 'listen', expectedVersion: 0, events: [event(1)] });
    await store
      .append({ streamType: 'thing', streamId: 'listen', expectedVersion: 0, events: [event(1)] })
      .catch(() => undefined);
    expect(seen).toEqual([1]);
  });
});
