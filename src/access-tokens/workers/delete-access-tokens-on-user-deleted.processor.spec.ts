import { Logger } from '@nestjs/common';
import { EventDecoder } from '@libs/event-store';
import { InMemoryEventStore } from '@libs/event-store/testing';
import type { Pool } from 'mysql2/promise';
import type { AppConfig } from '../../config/config';
import { ALL_EVENTS } from '../../events/all-events';
import type { EventJobData } from '../../relay/relay.contract';
import { AccessTokenAggregate } from '../domain/access-token.aggregate';
import { ACCESS_TOKEN_EVENTS } from '../domain/events';
import type { AccessTokenProjection } from '../infrastructure/access-token.projection';
import { AccessTokenRepository } from '../infrastructure/access-token.repository';
import type { AccessTokensReader } from '../infrastructure/access-tokens.reader';
import { DeleteAccessTokensOnUserDeletedProcessor } from './delete-access-tokens-on-user-deleted.processor';

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
async function setup(tokens: Array<[string, string]>) {
  const store = new InMemoryEventStore();
  const decoder = new EventDecoder(ACCESS_TOKEN_EVENTS as never);
  const noProjection = { apply: async () => undefined } as unknown as AccessTokenProjection;
  const repository = new AccessTokenRepository(store as never, decoder, noProjection);
  for (const [tokenId, userId] of tokens) {
    const token = new AccessTokenAggregate(tokenId);
    token.create(
      {
        tokenId,
        userId,
        userIncarnation: 1,
        description: 'x',
        secretHash: tokenId.padEnd(64, '0'),
        expire: null,
      },
      new Date(),
    );
    await repository.save(token);
  }
  const processed = new Set<string>();
  const pool = {
    query: async (_sql: string, [rows]: [Array<[string, string]>]) => {
      for (const [, eventId] of rows) processed.add(eventId);
      return [{ affectedRows: rows.length }];
    },
  } as unknown as Pool;
  const listIdsOfUser = jest.fn(async (userId: string) =>
    tokens.filter(([, owner]) => owner === userId).map(([id]) => id),
  );
  const reader = { listIdsOfUser } as unknown as AccessTokensReader;
  const processor = new DeleteAccessTokensOnUserDeletedProcessor(
    repository,
    reader,
    new EventDecoder(ALL_EVENTS),
    pool,
    {} as AppConfig,
  );
  const deletions = () => store.events.filter((e) => e.type === 'access_token.deleted');
  return { processor, processed, listIdsOfUser, deletions };
}

describe('DeleteAccessTokensOnUserDeletedProcessor', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it("deletes each of the user's tokens issued before the deletion, caused by the user's event", async () => {
    const t = await setup([
      ['t1', 'u1'],
      ['t2', 'u2'],
      ['t3', 'u1'],
    ]);
    await t.processor.consume(userDeleted);
    expect(t.listIdsOfUser).toHaveBeenCalledWith('u1', 100);
    expect(t.deletions().map((e) => [e.streamId, e.data])).toEqual([
      ['t1', { userId: 'u1', reason: 'user.deleted' }],
      ['t3', { userId: 'u1', reason: 'user.deleted' }],
    ]);
    expect(t.deletions()[0].metadata).toEqual({
      actor: { type: 'system', id: 'access-token-cleanup' },
      causationId: userDeleted.id,
      correlationId: 'req-1',
    });
    expect(t.processed.has(userDeleted.id)).toBe(true);
  });

  it('skips tokens already deleted, so a replay of the same event appends nothing', async () => {
    const t = await setup([['t1', 'u1']]);
    await t.processor.consume({ ...userDeleted, id: 'other-delivery-of-an-earlier-deletion' });
    await t.processor.consume(userDeleted);
    await t.processor.consume(userDeleted);
    expect(t.deletions()).toHaveLength(1);
  });

  it('only records other events (a stray job), changing nothing', async () => {
    const t = await setup([['t1', 'u1']]);
    await t.processor.consume({
      ...userDeleted,
      id: 'e2',
      type: 'user.status.changed',
      data: { status: false },
    });
    expect(t.listIdsOfUser).not.toHaveBeenCalled();
    expect(t.deletions()).toEqual([]);
    expect(t.processed).toEqual(new Set(['e2']));
  });
});
