import type { QueryBus } from '@nestjs/cqrs';
import { UserNotFoundError } from '../../../users/domain/user.errors';
import { ListUserMembershipsHandler, ListUserMembershipsQuery } from './list-user-memberships.handler';

const handler = new ListUserMembershipsHandler({
  execute: async (query: { userId: string }) => {
    if (query.userId !== 'u1') throw new UserNotFoundError();
    return {};
  },
} as unknown as QueryBus);
const list = (queries: object[], userId = 'u1') =>
  handler.execute(
    new ListUserMembershipsQuery(
      userId,
      queries.map((q) => JSON.stringify(q)),
      undefined,
      true,
    ),
  );

describe('ListUserMembershipsHandler', () => {
  it('answers the empty list for a known user, whatever the valid queries', async () => {
    await expect(
      list([
        { method: 'equal', attribute: 'teamId', values: ['t1'] },
        { method: 'contains', attribute: 'roles', values: ['owner'] },
        { method: 'equal', attribute: 'confirm', values: [true] },
        { method: 'greaterThan', attribute: 'joined', values: ['2020-01-01T00:00:00.000+00:00'] },
        { method: 'orderDesc', attribute: 'invited' },
        { method: 'limit', values: [5] },
      ]),
    ).resolves.toEqual({ total: 0, memberships: [] });
  });

  it.each([
    ['equal on the array attribute roles', { method: 'equal', attribute: 'roles', values: ['owner'] }],
    ['an attribute memberships do not have', { method: 'equal', attribute: 'email', values: ['x'] }],
    ['select', { method: 'select', values: ['teamId'] }],
  ])('refuses %s with 400 before looking up the user', async (_name, query) => {
    await expect(list([query], 'nobody')).rejects.toMatchObject({ status: 400 });
  });

  it('answers 404 user_not_found for an unknown user', async () => {
    await expect(list([])).resolves.toEqual({ total: 0, memberships: [] });
    await expect(list([], 'nobody')).rejects.toBeInstanceOf(UserNotFoundError);
  });

  it('finds no membership for a cursor: none exist yet', async () => {
    await expect(list([{ method: 'cursorAfter', values: ['m1'] }])).rejects.toMatchObject({
      status: 400,
      type: 'general_cursor_not_found',
      message: "Membership 'm1' for the 'cursor' value not found.",
    });
  });
});
