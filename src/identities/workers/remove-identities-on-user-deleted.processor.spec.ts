import { Logger } from '@nestjs/common';
import { EventDecoder } from '@libs/event-store';
import { InMemoryEventStore } from '@libs/event-store/testing';
import type { Pool } from 'mysql2/promise';
import type { AppConfig } from '../../config/config';
import { ALL_EVENTS } from '../../events/all-events';
import type { EventJobData } from '../../relay/relay.contract';
import { IDENTITY_EVENTS } from '../domain/events';
import { IdentityAggregate } from '../domain/identity.aggregate';
import type { IdentitiesReader } from '../infrastructure/identities.reader';
import type { IdentityProjection } from '../infrastructure/identity.projection';
import { IdentityRepository } from '../infrastructure/identity.repository';
import { RemoveIdentitiesOnUserDeletedProcessor } from './remove-identities-on-user-deleted.processor';

const userDeleted: EventJobData = {
  position: 100,
  id: '0190a000-0000-7000-8000-000000000100',
  streamType: 'user',
  streamId: 'u1',
  version: 3,
  type: 'user.deleted',
  schemaVersion: 1,
  data: {},
  metadata: { requestId: 'req-1' },
  occurredAt: '2026-01-02T03:04:05.678Z',
};

/** The processor over an in-memory event store, a fake reader and a fake processed-events table. */
async function setup(identities: Array<[string, string]>) {
  const store = new InMemoryEventStore();
  const decoder = new EventDecoder(IDENTITY_EVENTS as never);
  const noProjection = { apply: async () => undefined } as unknown as IdentityProjection;
  const repository = new IdentityRepository(store as never, decoder, noProjection);
  for (const [identityId, userId] of identities) {
    const identity = new IdentityAggregate(identityId);
    identity.link({
      identityId,
      userId,
      provider: 'github',
      providerUid: identityId,
      providerEmail: '',
      providerAccessToken: '',
      providerAccessTokenExpiry: null,
      providerRefreshToken: '',
    });
    await repository.save(identity);
  }
  const processed = new Set<string>();
  const pool = {
    query: async (_sql: string, [rows]: [Array<[string, string]>]) => {
      for (const [, eventId] of rows) processed.add(eventId);
      return [{ affectedRows: rows.length }];
    },
  } as unknown as Pool;
  const listIdsOfUser = jest.fn(async (userId: string) =>
    identities.filter(([, owner]) => owner === userId).map(([id]) => id),
  );
  const reader = { listIdsOfUser } as unknown as IdentitiesReader;
  const processor = new RemoveIdentitiesOnUserDeletedProcessor(
    repository,
    reader,
    new EventDecoder(ALL_EVENTS),
    pool,
    {} as AppConfig,
  );
  const deletions = () => store.events.filter((e) => e.type === 'identity.deleted');
  return { processor, store, processed, listIdsOfUser, deletions };
}

describe('RemoveIdentitiesOnUserDeletedProcessor', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it("unlinks each of the user's identities linked before the deletion, caused by the user's event", async () => {
    const t = await setup([
      ['i1', 'u1'],
      ['i2', 'u2'],
      ['i3', 'u1'],
    ]);
    await t.processor.consume(userDeleted);
    expect(t.listIdsOfUser).toHaveBeenCalledWith('u1', 100);
    expect(t.deletions().map((e) => [e.streamId, e.data])).toEqual([
      ['i1', { userId: 'u1', provider: 'github', providerUid: 'i1', reason: 'user.deleted' }],
      ['i3', { userId: 'u1', provider: 'github', providerUid: 'i3', reason: 'user.deleted' }],
    ]);
    expect(t.deletions()[0].metadata).toEqual({
      actor: { type: 'system', id: 'identity-cleanup' },
      causationId: userDeleted.id,
      correlationId: 'req-1',
    });
    expect(t.processed.has(userDeleted.id)).toBe(true);
  });

  it('skips identities already unlinked, so a replay of the same event appends nothing', async () => {
    const t = await setup([['i1', 'u1']]);
    await t.processor.consume({ ...userDeleted, id: 'other-delivery-of-an-earlier-deletion' });
    await t.processor.consume(userDeleted);
    await t.processor.consume(userDeleted);
    expect(t.deletions()).toHaveLength(1);
    expect(t.processed).toEqual(new Set(['other-delivery-of-an-earlier-deletion', userDeleted.id]));
  });

  it('only records other events (a stray job), changing nothing', async () => {
    const t = await setup([['i1', 'u1']]);
    await t.processor.consume({
      ...userDeleted,
      id: 'e2',
      type: 'user.status.changed',
      data: { status: false },
    });
    await t.processor.consume({ ...userDeleted, id: 'e3', type: 'user.name.changed', data: { name: 'x' } });
    expect(t.listIdsOfUser).not.toHaveBeenCalled();
    expect(t.deletions()).toEqual([]);
    expect(t.processed).toEqual(new Set(['e2', 'e3']));
  });
});
