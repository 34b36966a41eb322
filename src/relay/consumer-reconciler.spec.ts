import { Logger } from '@nestjs/common';
import { EventDecoder, StoredEvent } from '@libs/event-store';
import { ConsumerProgressStore, ConsumerReconciler, JobState, ReconciledQueue } from './consumer-reconciler';
import { ALL_EVENTS } from '../events/all-events';
import { UserDeletedEvent } from '../users';
import { EventSubscription, subscription } from './relay.contract';

const NOW = 1_000_000;
const OLD = NOW - 60_000;

function event(position: number, type = 'user.deleted', at = OLD): StoredEvent {
  return {
    position,
    id: `e${position}`,
    streamType: 'user',
    streamId: 'u1',
    version: position,
    type,
    schemaVersion: 1,
    data: {},
    metadata: {},
    occurredAt: new Date(at),
  };
}

const DELETIONS = subscription({ queue: 'cleanup', events: [UserDeletedEvent] });

class FakeProgress implements ConsumerProgressStore {
  positions = new Map<string, number>();
  processed = new Set<string>();
  dead = new Map<string, string>();
  pruned: number[] = [];
  async load(consumer: string, initial: number) {
    if (!this.positions.has(consumer)) this.positions.set(consumer, initial);
    return this.positions.get(consumer)!;
  }
  async save(consumer: string, position: number) {
    this.positions.set(consumer, Math.max(position, this.positions.get(consumer) ?? 0));
  }
  async settled(_consumer: string, ids: string[]) {
    return new Set(ids.filter((id) => this.processed.has(id) || this.dead.has(id)));
  }
  async deadLetter(_consumer: string, e: StoredEvent, reason: string) {
    this.dead.set(e.id, reason);
  }
  async prune(_consumer: string, upTo: number) {
    this.pruned.push(upTo);
  }
}

class FakeQueue implements ReconciledQueue {
  jobs = new Map<string, JobState>();
  resent: string[] = [];
  constructor(readonly subscription: EventSubscription) {}
  async inspect(ids: string[]) {
    return new Map(ids.map((id) => [id, this.jobs.get(id) ?? ({ state: 'gone' } as JobState)]));
  }
  async resend(events: StoredEvent[]) {
    for (const e of events) {
      this.resent.push(e.id);
      this.jobs.set(e.id, { state: 'pending' });
    }
  }
}

function setup(events: StoredEvent[], delivered = 100) {
  const progress = new FakeProgress();
  const queue = new FakeQueue(DELETIONS);
  const reconciler = new ConsumerReconciler(
    {
      store: {
        readAll: async (after, limit) => events.filter((e) => e.position > after).slice(0, limit),
      },
      decoder: new EventDecoder(ALL_EVENTS),
      queues: [queue],
      progress,
      delivered: () => delivered,
    },
    { intervalMs: 1000, redeliverAfterMs: 30_000, batchSize: 2, now: () => NOW },
  );
  progress.positions.set('cleanup', 0);
  return { reconciler, progress, queue };
}

describe('ConsumerReconciler', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('moves past events the consumer does not accept and those it processed, up to the first one it did not', async () => {
    const t = setup([
      event(1, 'user.name.changed'),
      event(2),
      event(3, 'user.name.changed'),
      event(4),
      event(5),
    ]);
    t.progress.processed.add('e2');
    t.queue.jobs.set('e4', { state: 'pending' });
    expect(await t.reconciler.reconcile()).toEqual({ redelivered: 0, deadLettered: 0 });
    expect(t.progress.positions.get('cleanup')).toBe(3);
    expect(t.progress.pruned).toEqual([3]);
  });

  it('delivers again the overdue events whose job is gone, and leaves young or pending ones alone', async () => {
    const t = setup([event(1), event(2), event(3, 'user.deleted', NOW - 1000), event(4)]);
    t.queue.jobs.set('e2', { state: 'pending' });
    expect(await t.reconciler.reconcile()).toEqual({ redelivered: 1, deadLettered: 0 });
    // Only the first batch is looked at while the consumer is held back at position 0.
    expect(t.queue.resent).toEqual(['e1']);
    expect(t.progress.positions.get('cleanup')).toBe(0);

    t.progress.processed.add('e1');
    t.progress.processed.add('e2');
    await t.reconciler.reconcile();
    // e3 is young: not delivered again yet; e4 is in the same batch and overdue, so it is.
    expect(t.queue.resent).toEqual(['e1', 'e4']);
    expect(t.progress.positions.get('cleanup')).toBe(2);
  });

  it('records a job that failed for good as a dead letter, which no longer holds the consumer back', async () => {
    const t = setup([event(1), event(2)]);
    t.progress.processed.add('e2');
    t.queue.jobs.set('e1', { state: 'failed', reason: 'boom' });
    expect(await t.reconciler.reconcile()).toEqual({ redelivered: 0, deadLettered: 1 });
    expect(t.progress.dead.get('e1')).toBe('boom');
    await t.reconciler.reconcile();
    expect(t.progress.positions.get('cleanup')).toBe(2);
    expect(t.queue.resent).toEqual([]);
  });

  it('never looks past what the relay has delivered', async () => {
    const t = setup([event(1), event(2), event(3)], 1);
    t.progress.processed.add('e1');
    await t.reconciler.reconcile();
    expect(t.progress.positions.get('cleanup')).toBe(1);
    expect(t.queue.resent).toEqual([]);
  });

  it('starts a consumer it has never seen where the relay is', async () => {
    const t = setup([event(1), event(2), event(3)], 2);
    t.progress.positions.clear();
    await t.reconciler.reconcile();
    expect(t.progress.positions.get('cleanup')).toBe(2);
    expect(t.queue.resent).toEqual([]);
  });
});
