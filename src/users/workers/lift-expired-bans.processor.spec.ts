import { Logger } from '@nestjs/common';
import { EventDecoder } from '@libs/event-store';
import { InMemoryEventStore } from '@libs/event-store/testing';
import type { Pool } from 'mysql2/promise';
import type { AppConfig } from '../../config';
import { ALL_EVENTS } from '../../events';
import type { EventJobData } from '../../relay';
import { UserBannedEvent, UserCreatedEvent, UserStatusChangedEvent } from '../domain/events';
import { UserAggregate } from '../domain/user.aggregate';
import type { UserProjection } from '../infrastructure/user.projection';
import { UserRepository } from '../infrastructure/user.repository';
import { BanLiftJob, BanLiftQueue } from './ban-lift.queue';
import { LiftExpiredBansProcessor } from './lift-expired-bans.processor';

const decoder = new EventDecoder(ALL_EVENTS);
const pool = { query: async () => [{ affectedRows: 1 }] } as unknown as Pool;

const banJob = (expiresAt: string | null): EventJobData => ({
  position: 42,
  id: '0190a000-0000-7000-8000-000000000042',
  streamType: 'user',
  streamId: 'u1',
  version: 2,
  type: UserBannedEvent.type,
  schemaVersion: 1,
  data: { reason: null, expiresAt },
  metadata: {},
  occurredAt: '2030-01-01T00:00:00.000Z',
});

describe('LiftExpiredBansProcessor', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('schedules the lift of a ban at its expiry, identified by the ban event', async () => {
    const schedule = jest.fn(async () => undefined);
    const processor = new LiftExpiredBansProcessor(
      { schedule } as unknown as BanLiftQueue,
      decoder,
      pool,
      {} as AppConfig,
    );
    await processor.consume(banJob('2030-01-02T00:00:00.000Z'));
    expect(schedule).toHaveBeenCalledWith(
      { userId: 'u1', banVersion: 2, banEventId: banJob(null).id },
      new Date('2030-01-02T00:00:00.000Z'),
    );
    schedule.mockClear();
    await processor.consume(banJob(null));
    expect(schedule).not.toHaveBeenCalled();
  });
});

describe('BanLiftQueue.lift', () => {
  const created = new UserCreatedEvent({
    userId: 'u1',
    name: '',
    email: null,
    phone: null,
    password: null,
    hash: 'argon2',
    hashOptions: {},
  });
  const expiresAt = '2030-01-02T00:00:00.000Z';

  async function setup(...history: Array<UserCreatedEvent | UserBannedEvent | UserStatusChangedEvent>) {
    const store = new InMemoryEventStore();
    const noProjection = { apply: async () => undefined } as unknown as UserProjection;
    const users = new UserRepository(store as never, decoder, noProjection);
    const user = new UserAggregate('u1');
    for (const event of history) user.apply(event);
    await users.save(user);
    const queue = new BanLiftQueue(users, {} as AppConfig);
    const unbanned = () => store.events.filter((e) => e.type === 'user.unbanned');
    return { queue, unbanned };
  }
  const job: BanLiftJob = { userId: 'u1', banVersion: 2, banEventId: 'ban-1' };

  it('lifts the ban it was made for once it has run out, caused by the ban, by the system', async () => {
    const t = await setup(created, new UserBannedEvent({ reason: null, expiresAt }));
    await t.queue.lift(job, new Date(expiresAt));
    expect(t.unbanned().map((e) => [e.data, e.metadata])).toEqual([
      [
        { expired: true },
        expect.objectContaining({ actor: { type: 'system', id: 'ban-expiry' }, causationId: 'ban-1' }),
      ],
    ]);
    await t.queue.lift(job, new Date(expiresAt));
    expect(t.unbanned()).toHaveLength(1);
  });

  it('retries (throws) when run before the expiry, and does nothing for a ban replaced since', async () => {
    const early = await setup(created, new UserBannedEvent({ reason: null, expiresAt }));
    await expect(early.queue.lift(job, new Date('2030-01-01T00:00:00.000Z'))).rejects.toThrow(/not run out/);
    expect(early.unbanned()).toHaveLength(0);

    const replaced = await setup(
      created,
      new UserBannedEvent({ reason: null, expiresAt }),
      new UserStatusChangedEvent({ status: false }),
    );
    await replaced.queue.lift(job, new Date(expiresAt));
    expect(replaced.unbanned()).toHaveLength(0);
  });
});
