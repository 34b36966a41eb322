import { EventDecoder } from '@libs/event-store';
import { InMemoryEventStore } from '@libs/event-store/testing';
import { Argon2Hasher } from '@libs/passwords';
import { USER_EVENTS } from '../../domain/events';
import { UserProjection } from '../../infrastructure/user.projection';
import { UserRepository } from '../../infrastructure/user.repository';
import { UsersReader } from '../../infrastructure/users.reader';
import { ImportUsersBatchCommand, ImportUsersBatchHandler } from './import-users-batch.handler';

const MD5 = '63fe8e9e6e805f2cb28675d5592f22e8';

/** The handler with an in-memory event store: real parsing and aggregate rules, no database. */
function setup(taken: { ids?: string[]; emails?: string[] } = {}) {
  const store = new InMemoryEventStore();
  const noProjection = { apply: async () => undefined } as unknown as UserProjection;
  const repository = new UserRepository(store as never, new EventDecoder(USER_EVENTS as never), noProjection);
  const reader = {
    findTaken: async () => ({
      ids: new Set(taken.ids ?? []),
      emails: new Set(taken.emails ?? []),
      phones: new Set<string>(),
    }),
  } as unknown as UsersReader;
  const hasher = new Argon2Hasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
  return { store, handler: new ImportUsersBatchHandler(repository, reader, hasher) };
}

describe('ImportUsersBatchHandler', () => {
  it('writes each user with its extras in one append, and answers in input order', async () => {
    const { store, handler } = setup();
    const append = jest.spyOn(store, 'append');
    const result = await handler.execute(
      new ImportUsersBatchCommand(
        [
          { userId: 'a', email: 'a@example.com', password: 'password123', labels: ['x'], status: false },
          { algorithm: 'md5', userId: 'b', email: 'b@example.com', password: MD5, prefs: { k: 1 } },
        ],
        false,
      ),
    );
    expect(result).toEqual({
      total: 2,
      created: 2,
      failed: 0,
      dryRun: false,
      results: [
        { index: 0, status: 201, userId: 'a' },
        { index: 1, status: 201, userId: 'b' },
      ],
    });
    const a = store.events.filter((e) => e.streamId === 'a');
    expect(a.map((e) => [e.type, e.version])).toEqual([
      ['user.created', 1],
      ['user.labels.changed', 2],
      ['user.status.changed', 3],
    ]);
    // One append per user: its events commit together or not at all.
    expect(append.mock.calls.map(([request]) => [request.streamId, request.events.length])).toEqual(
      expect.arrayContaining([
        ['a', 3],
        ['b', 2],
      ]),
    );
    expect(append).toHaveBeenCalledTimes(2);
    expect(String(a[0].data.password)).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(store.events)).not.toContain('password123');
  });

  it('refuses a bad item, a repeat inside the batch and an existing user, and writes the rest', async () => {
    const { store, handler } = setup();
    await handler.execute(new ImportUsersBatchCommand([{ userId: 'old', email: 'old@example.com' }], false));
    const result = await handler.execute(
      new ImportUsersBatchCommand(
        [
          { userId: 'n1', email: 'N1@example.com' },
          { userId: 'n2', email: 'n1@example.com' },
          { userId: 'old' },
          { userId: 'n3', email: 'bad' },
          'text',
          { userId: 'n4', email: 'old@example.com' },
          { userId: 'n5' },
        ],
        false,
      ),
    );
    expect(result.results.map((r) => [r.status, r.error?.type, r.conflict])).toEqual([
      [201, undefined, undefined],
      [409, 'user_already_exists', 'email'],
      [409, 'user_already_exists', 'id'],
      [400, 'general_argument_invalid', undefined],
      [400, 'general_argument_invalid', undefined],
      [409, 'user_already_exists', 'email'],
      [201, undefined, undefined],
    ]);
    expect([...new Set(store.events.map((e) => e.streamId))]).toEqual(['old', 'n1', 'n5']);
  });

  it('a dry run answers what a write would and appends nothing', async () => {
    const { store, handler } = setup({ ids: ['old'], emails: ['taken@example.com'] });
    const result = await handler.execute(
      new ImportUsersBatchCommand(
        [
          { userId: 'd1', password: 'password123' },
          { userId: 'old' },
          { userId: 'd2', email: 'Taken@example.com' },
          { userId: 'count' },
        ],
        true,
      ),
    );
    expect(result.results.map((r) => [r.status, r.conflict])).toEqual([
      [201, undefined],
      [409, 'id'],
      [409, 'email'],
      [400, undefined],
    ]);
    expect(result.dryRun).toBe(true);
    expect(store.events).toHaveLength(0);
  });
});
