import { Logger } from '@nestjs/common';
import { EventDecoder } from '@libs/event-store';
import { InMemoryEventStore } from '@libs/event-store/testing';
import type { Pool } from 'mysql2/promise';
import type { AppConfig } from '../../config';
import { ALL_EVENTS } from '../../events';
import type { EventJobData } from '../../relay';
import { SessionAggregate } from '../domain/session.aggregate';
import type { SessionProjection } from '../infrastructure/session.projection';
import { SessionRepository } from '../infrastructure/session.repository';
import type { SessionsReader } from '../infrastructure/sessions.reader';
import { RevokeSessionsOnUserChangeProcessor } from './revoke-sessions-on-user-change.processor';

const blocked: EventJobData = {
  position: 100,
  id: '0190a000-0000-7000-8000-000000000100',
  streamType: 'user',
  streamId: 'u1',
  version: 3,
  type: 'user.status.changed',
  schemaVersion: 1,
  data: { status: false },
  metadata: { requestId: 'req-1' },
  occurredAt: '2026-01-02T03:04:05.678Z',
};

/** The processor over an in-memory event store; the reader lists the sessions whose epoch is before the event. */
async function setup(sessions: Array<[id: string, userEpoch: number]>) {
  const store = new InMemoryEventStore();
  const decoder = new EventDecoder(ALL_EVENTS);
  const noProjection = { apply: async () => undefined } as unknown as SessionProjection;
  const repository = new SessionRepository(store as never, decoder, noProjection);
  for (const [id, userEpoch] of sessions) {
    const session = new SessionAggregate(id);
    session.create({
      sessionId: id,
      userId: 'u1',
      userIncarnation: 1,
      userEpoch,
      provider: 'server',
      providerUid: '',
      secretHash: id.padEnd(64, '0'),
      expire: '2027-01-01T00:00:00.000Z',
      factors: ['server'],
      ip: '',
      osCode: '',
      osName: '',
      osVersion: '',
      clientType: '',
      clientCode: '',
      clientName: '',
      clientVersion: '',
      clientEngine: '',
      clientEngineVersion: '',
      deviceName: '',
      deviceBrand: '',
      deviceModel: '',
      countryCode: '--',
      countryName: 'Unknown',
    });
    await repository.save(session);
  }
  const listEndedIds = jest.fn(async (_userId: string, epoch: number) =>
    sessions.filter(([, userEpoch]) => userEpoch < epoch).map(([id]) => id),
  );
  const processed: string[] = [];
  const pool = {
    query: async (_sql: string, [rows]: [Array<[string, string]>]) => {
      processed.push(...rows.map(([, eventId]) => eventId));
      return [{ affectedRows: rows.length }];
    },
  } as unknown as Pool;
  const processor = new RevokeSessionsOnUserChangeProcessor(
    repository,
    { listEndedIds } as unknown as SessionsReader,
    decoder,
    pool,
    {} as AppConfig,
  );
  const revocations = () => store.events.filter((e) => e.type === 'session.revoked');
  return { processor, revocations, listEndedIds, processed };
}

describe('RevokeSessionsOnUserChangeProcessor', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('revokes the sessions the block ended (epochs before its position), caused by the user event', async () => {
    const t = await setup([
      ['s1', 10],
      ['s2', 50],
      ['s3', 150],
    ]);
    await t.processor.consume(blocked);
    expect(t.listEndedIds).toHaveBeenCalledWith('u1', 100);
    expect(t.revocations().map((e) => [e.streamId, e.data])).toEqual([
      ['s1', { userId: 'u1', reason: 'user.blocked' }],
      ['s2', { userId: 'u1', reason: 'user.blocked' }],
    ]);
    expect(t.revocations()[0].metadata).toEqual({
      actor: { type: 'system', id: 'session-revocation' },
      causationId: blocked.id,
      correlationId: 'req-1',
    });
    expect(t.processed).toEqual([blocked.id]);
  });

  it('names deletions and password changes as the reason', async () => {
    const t = await setup([['s1', 10]]);
    await t.processor.consume({
      ...blocked,
      id: 'e2',
      type: 'user.password.changed',
      data: { password: null, hash: 'argon2', hashOptions: {} },
    });
    expect(t.revocations().map((e) => e.data.reason)).toEqual(['user.password.changed']);
  });

  it('leaves the session a user changed its own password from', async () => {
    const t = await setup([
      ['s1', 10],
      ['s2', 10],
    ]);
    await t.processor.consume({
      ...blocked,
      id: 'e4',
      type: 'user.password.changed',
      data: { password: null, hash: 'argon2', hashOptions: {}, keepSessionId: 's2' },
    });
    expect(t.revocations().map((e) => e.streamId)).toEqual(['s1']);
  });

  it('appends nothing on a replay, and nothing for an unblock', async () => {
    const t = await setup([['s1', 10]]);
    await t.processor.consume(blocked);
    await t.processor.consume(blocked);
    await t.processor.consume({ ...blocked, id: 'e3', data: { status: true } });
    expect(t.revocations()).toHaveLength(1);
    expect(t.processed).toEqual([blocked.id, blocked.id, 'e3']);
  });
});
