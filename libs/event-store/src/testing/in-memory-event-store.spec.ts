import { ConcurrencyError, UniqueConstraintError } from '../errors';
import { InMemoryEventStore } from './in-memory-event-store';

describe('InMemoryEventStore (same rules as the MySQL store)', () => {
  it('appends at the expected version and refuses a stale one', async () => {
    const store = new InMemoryEventStore();
    await store.append({
      streamType: 's',
      streamId: '1',
      expectedVersion: 0,
      events: [{ type: 'a', data: {} }],
    });
    await expect(
      store.append({ streamType: 's', streamId: '1', expectedVersion: 0, events: [{ type: 'b', data: {} }] }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream('s', '1')).map((e) => e.type)).toEqual(['a']);
  });

  it('enforces claims, frees them on release, and applies nothing of a failed append', async () => {
    const store = new InMemoryEventStore();
    const claim = { op: 'claim' as const, scope: 'email', value: 'x' };
    await store.append({
      streamType: 's',
      streamId: '1',
      expectedVersion: 0,
      events: [{ type: 'a', data: {} }],
      uniqueConstraints: [claim],
    });
    await expect(
      store.append({
        streamType: 's',
        streamId: '2',
        expectedVersion: 0,
        events: [{ type: 'a', data: {} }],
        uniqueConstraints: [claim],
      }),
    ).rejects.toBeInstanceOf(UniqueConstraintError);
    expect(await store.readAll(0, 10)).toHaveLength(1);
    await store.append({
      streamType: 's',
      streamId: '1',
      expectedVersion: 1,
      events: [{ type: 'b', data: {} }],
      uniqueConstraints: [{ ...claim, op: 'release' }],
    });
    await store.append({
      streamType: 's',
      streamId: '2',
      expectedVersion: 0,
      events: [{ type: 'a', data: {} }],
      uniqueConstraints: [claim],
    });
  });
});
