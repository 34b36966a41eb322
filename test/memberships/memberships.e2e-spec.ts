import { expectAppwriteError, TestApp } from '../support/test-app';
import { createLegacyUser } from '../support/legacy-users';

const q = (method: string, attribute?: string, ...values: unknown[]) =>
  JSON.stringify({ method, ...(attribute ? { attribute } : {}), ...(values.length ? { values } : {}) });

function path(userId: string, queries: string[] = [], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  queries.forEach((x, i) => params.append(`queries[${i}]`, x));
  for (const [key, value] of Object.entries(extra)) params.append(key, value);
  return `/v1/users/${userId}/memberships?${params}`;
}

describe('GET /v1/users/{userId}/memberships', () => {
  let t: TestApp;
  let userId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    userId = (await t.createUser({ email: 'member@example.com' })).$id;
    // Reserved since; a user made before keeps its id and its sub-routes.
    await createLegacyUser(t, 'identities');
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers the empty list for a user (no teams yet)', async () => {
    const res = await t.request('GET', `/v1/users/${userId}/memberships`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.text).toBe('{"total":0,"memberships":[]}');
  });

  it('takes every valid query on the membership attributes, search and total', async () => {
    const queries = [
      q('equal', 'teamId', 't1'),
      q('equal', 'userId', userId),
      q('contains', 'roles', 'owner'),
      q('equal', 'confirm', true),
      q('greaterThan', 'joined', '2020-01-01T00:00:00.000+00:00'),
      q('lessThan', 'invited', '2030-01-01T00:00:00.000+00:00'),
      q('orderDesc', '$createdAt'),
      q('limit', undefined, 10),
      q('offset', undefined, 5),
    ];
    const variants: Array<Record<string, string>> = [
      {},
      { search: 'team' },
      { total: 'false' },
      { search: "%' OR 1=1 --" },
    ];
    for (const extra of variants) {
      const res = await t.request('GET', path(userId, queries, extra));
      expect({ status: res.status, body: res.body }).toEqual({
        status: 200,
        body: { total: 0, memberships: [] },
      });
    }
  });

  it.each([
    [
      'equal on the array attribute roles',
      [q('equal', 'roles', 'owner')],
      'Invalid `queries` param: Invalid query: Cannot query equal on attribute "roles" because it is an array.',
    ],
    ['an attribute memberships do not have', [q('equal', 'email', 'x')], /email/],
    ['select', [q('select', undefined, 'teamId')], /select/i],
    ['a query that is not JSON', ['{nope'], undefined],
  ])('answers 400 for %s, before the user lookup', async (_name, queries, message) => {
    for (const id of [userId, 'nobody']) {
      const res = await t.request('GET', path(id, queries));
      expect(res.status).toBe(400);
      expect(['general_argument_invalid', 'general_query_invalid']).toContain(res.body.type);
      if (message)
        expect(res.body.message).toEqual(
          typeof message === 'string' ? message : expect.stringMatching(message),
        );
    }
  });

  it('validates search as Text(256) and total as a boolean', async () => {
    const invalid: Array<Record<string, string>> = [
      { search: '' },
      { search: 'x'.repeat(257) },
      { total: 'maybe' },
    ];
    for (const extra of invalid) {
      expectAppwriteError(await t.request('GET', path(userId, [], extra)), 400, 'general_argument_invalid');
    }
  });

  it('answers 400 general_cursor_not_found for a cursor: no membership exists', async () => {
    const res = await t.request('GET', path(userId, [q('cursorAfter', undefined, 'm1')]));
    expectAppwriteError(
      res,
      400,
      'general_cursor_not_found',
      "Membership 'm1' for the 'cursor' value not found.",
    );
  });

  it('answers 404 user_not_found, 400 for a malformed id, 401 without a key', async () => {
    expectAppwriteError(await t.request('GET', '/v1/users/nobody/memberships'), 404, 'user_not_found');
    expectAppwriteError(await t.request('GET', '/v1/users/.x/memberships'), 400, 'general_argument_invalid');
    const anonymous = await t.request('GET', `/v1/users/${userId}/memberships`, { key: null });
    expectAppwriteError(anonymous, 401, 'general_unauthorized_scope');
  });

  it('reaches the memberships of a user whose id is "identities"', async () => {
    const res = await t.request('GET', '/v1/users/identities/memberships');
    expect({ status: res.status, body: res.body }).toEqual({
      status: 200,
      body: { total: 0, memberships: [] },
    });
  });
});
