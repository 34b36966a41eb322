import { Logger } from '@nestjs/common';
import { EventDecoder, StoredEvent } from '@libs/event-store';
import { EventRelayService } from './event-relay.service';
import type { RelayJob, RelayQueue } from './relay-queues';
import type { RelayLock } from './relay-lock';
import type { EventSubscription } from './relay.contract';
import { ACTIVITY_LOG } from '../audit/workers/activity-log.subscription';
import { ALL_EVENTS } from '../events/all-events';
import { SESSION_REVOCATION } from '../sessions/workers/session-revocation.subscription';

function event(position: number, type = 'user.name.changed'): StoredEvent {
  return {
    position,
    id: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`,
    streamType: type.split('.')[0],
    streamId: 'u1',
    version: position,
    type,
    schemaVersion: 1,
    data: { userId: 'u1' },
    metadata: {},
    occurredAt: new Date(),
  };
}

class FakeQueue implements RelayQueue {
  jobs: RelayJob[] = [];
  failing = false;
  constructor(readonly subscription: EventSubscription) {}
  async addBulk(jobs: RelayJob[]): Promise<void> {
    if (this.failing) throw new Error('Redis connection is reconnecting');
    this.jobs.push(...jobs);
  }
  positions(): number[] {
    return this.jobs.map((job) => job.data.position);
  }
}

function setup(options: { batchSize?: number; held?: boolean } = {}) {
  const visible: StoredEvent[] = [];
  let clock = 1_000_000;
  let saved = 0;
  const activityLog = new FakeQueue(ACTIVITY_LOG);
  const revocation = new FakeQueue(SESSION_REVOCATION);
  let lost: () => void = () => undefined;
  const lock: RelayLock = {
    acquire: async () => options.held ?? true,
    isHeld: async () => true,
    onLost: (listener) => (lost = listener),
    release: async () => undefined,
  };
  const relay = new EventRelayService(
    {
      decoder: new EventDecoder(ALL_EVENTS),
      store: {
        readAll: async (after, limit) =>
          visible
            .filter((e) => e.position > after)
            .sort((a, b) => a.position - b.position)
            .slice(0, limit),
        onCommitted: () => undefined,
      },
      queues: [activityLog, revocation],
      checkpoints: { load: async () => saved, save: async (p) => void (saved = p) },
      lock,
    },
    {
      batchSize: options.batchSize ?? 100,
      pollMs: 60_000,
      lockRetryMs: 60_000,
      gapGraceMs: 60_000,
      now: () => clock,
    },
  );
  relay.start();
  return {
    relay,
    activityLog,
    revocation,
    commit: (...positions: number[]) => visible.push(...positions.map((p) => event(p))),
    visible,
    tick: (ms: number) => (clock += ms),
    saved: () => saved,
    loseLock: () => lost(),
  };
}

describe('EventRelayService', () => {
  let t: ReturnType<typeof setup>;
  beforeAll(() => Logger.overrideLogger(false));
  afterEach(() => t.relay.stop());

  it('adds one job per subscribed queue, named after the event type, with the event id as job id', async () => {
    t = setup();
    t.visible.push(event(1, 'user.created'), event(2, 'user.deleted'));
    await t.relay.drain();
    expect(t.activityLog.jobs.map((j) => [j.name, j.opts.jobId, j.data.position])).toEqual([
      ['user.created', event(1).id, 1],
      ['user.deleted', event(2).id, 2],
    ]);
    expect(t.revocation.positions()).toEqual([2]);
    expect(t.activityLog.jobs[0].opts).toMatchObject({ attempts: 10, backoff: { type: 'exponential' } });
    expect(typeof t.activityLog.jobs[0].data.occurredAt).toBe('string');
    expect(t.relay.checkpoint()).toBe(2);
    expect(t.saved()).toBe(2);
  });

  it('delivers past a gap but keeps the checkpoint below it until the late commit arrives', async () => {
    t = setup();
    t.commit(1, 2, 4);
    await t.relay.drain();
    expect(t.activityLog.positions()).toEqual([1, 2, 4]);
    expect(t.relay.checkpoint()).toBe(2);

    await t.relay.drain();
    expect(t.activityLog.positions()).toEqual([1, 2, 4]);

    t.commit(3, 5);
    await t.relay.drain();
    expect(t.activityLog.positions()).toEqual([1, 2, 4, 3, 5]);
    expect(t.relay.checkpoint()).toBe(5);
    expect(t.saved()).toBe(5);
  });

  it('passes a gap that stays empty longer than the grace period (a rolled-back append)', async () => {
    t = setup();
    t.commit(1, 2, 4);
    await t.relay.drain();
    t.tick(59_000);
    await t.relay.drain();
    expect(t.relay.checkpoint()).toBe(2);
    t.tick(1_000);
    await t.relay.drain();
    expect(t.relay.checkpoint()).toBe(4);
    expect(t.activityLog.positions()).toEqual([1, 2, 4]);
  });

  it('reads on past a gap when more than one batch was committed after it', async () => {
    t = setup({ batchSize: 2 });
    t.commit(1, 3, 4, 5, 6, 7);
    await t.relay.drain();
    expect(t.activityLog.positions()).toEqual([1, 3, 4, 5, 6, 7]);
    expect(t.relay.checkpoint()).toBe(1);
  });

  it('keeps events in the store while Redis is down and delivers them all once it is back', async () => {
    t = setup();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    t.activityLog.failing = true;
    t.commit(1, 2);
    await expect(t.relay.drain()).rejects.toThrow(/reconnecting/);
    for (let i = 0; i < 5; i++) {
      t.tick(10_000);
      t.relay.wake();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(warn.mock.calls.filter(([m]) => String(m).includes('Cannot deliver'))).toHaveLength(1);
    expect(t.relay.checkpoint()).toBe(0);

    t.activityLog.failing = false;
    await t.relay.drain();
    expect(t.activityLog.positions()).toEqual([1, 2]);
    expect(t.relay.checkpoint()).toBe(2);
    warn.mockRestore();
  });

  it('delivers nothing without the lock and stops when the lock is lost', async () => {
    t = setup({ held: false });
    t.commit(1);
    await expect(t.relay.drain(50)).rejects.toThrow(/lock/);
    expect(t.activityLog.jobs).toEqual([]);

    t = setup();
    t.commit(1);
    await t.relay.drain();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    t.loseLock();
    expect(t.relay.active).toBe(false);
    t.commit(2);
    t.relay.wake();
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.activityLog.positions()).toEqual([1]);
  });
});
