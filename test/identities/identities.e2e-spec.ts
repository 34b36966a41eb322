import { AppEventDecoder, EVENT_DECODER } from '../../src/database';
import { isIdentityEvent } from '../../src/identities/domain/events';
import { MysqlEventStore } from '@libs/event-store';
import type { RowDataPacket } from 'mysql2/promise';
import { IdentityProjection } from '../../src/identities/infrastructure/identity.projection';
import { createLegacyUser } from '../support/legacy-users';
import { expectAppwriteError, HttpResult, TestApp } from '../support/test-app';

const MODEL_KEYS = [
  '$id',
  '$createdAt',
  '$updatedAt',
  'userId',
  'provider',
  'providerUid',
  'providerEmail',
  'providerAccessToken',
  'providerAccessTokenExpiry',
  'providerRefreshToken',
];

// [identityId, userId, provider, providerUid, providerEmail, providerAccessTokenExpiry], linked in this order.
const SEED: Array<[string, string, string, string, string, string | null]> = [
  ['gh-ada', 'ada', 'github', '1001', 'ada@github.example', '2030-01-01T00:00:00.000Z'],
  ['gl-ada', 'ada', 'gitlab', 'ada.lovelace', 'ada.lovelace@gitlab.example', null],
  ['gh-bob', 'bob', 'github', '2002', 'bob@example.org', '2029-06-01T12:00:00.000Z'],
  ['oidc-bob', 'bob', 'oidc', 'auth0|5f7c8ec7c33c6c004bbafe82', '', null],
  ['google-ada', 'ada', 'google', '118000000000000000042', 'ada@gmail.example', '2031-03-04T05:06:07.089Z'],
];
const ALL = SEED.map(([id]) => id);

/** Search input that must neither fail nor match: LIKE wildcards, SQL and full-text syntax, odd characters. */
const HOSTILE_SEARCHES = [
  ...['%', '_', '\\', '%%', '\\%', '*', '+github -gitlab', '()', '<>', '>', '@', '|', '~'],
  ...["' OR 1=1 --", "'; DROP TABLE identities; --", '\\x00', '\u0000', '\t', ' ', '😀', 'é', '\ud800'],
  ...['a'.repeat(256), 'x '.repeat(128), '%'.repeat(256)],
];

type Q = { method: string; attribute?: string; values?: unknown[] };
const Q = (method: string, attribute?: string, ...values: unknown[]): Q => ({
  method,
  ...(attribute === undefined ? {} : { attribute }),
  ...(values.length ? { values } : {}),
});

function path(queries: Q[] = [], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  queries.forEach((q, i) => params.append(`queries[${i}]`, JSON.stringify(q)));
  for (const [key, value] of Object.entries(extra)) params.append(key, value);
  return `/v1/users/identities?${params}`;
}
const idsOf = (res: HttpResult) => (res.body.identities as Array<{ $id: string }>).map((i) => i.$id);

describe('identities', () => {
  let t: TestApp;
  const link = (userId: string, body: Record<string, unknown>) =>
    t.request('POST', `/v1/users/${userId}/identities`, { body });
  async function page(queries: Q[] = [], extra: Record<string, string> = {}) {
    const res = await t.request('GET', path(queries, extra));
    expect({ status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({
      status: 200,
      text: '',
    });
    return { total: res.body.total as number, ids: idsOf(res) };
  }

  beforeAll(async () => {
    t = await TestApp.start();
    for (const userId of ['ada', 'bob']) await t.createUser({ userId });
    // Reserved since; a user made before keeps its id, and the route must still win.
    await createLegacyUser(t, 'identities');
    for (const [identityId, userId, provider, providerUid, providerEmail, expiry] of SEED) {
      const res = await link(userId, {
        identityId,
        provider,
        providerUid,
        providerEmail,
        providerAccessToken: `access-${identityId}`,
        providerRefreshToken: `refresh-${identityId}`,
        ...(expiry ? { providerAccessTokenExpiry: expiry } : {}),
      });
      if (res.status !== 201) throw new Error(`seed ${identityId}: ${res.status} ${res.text}`);
      await new Promise((resolve) => setTimeout(resolve, 3)); // distinct $createdAt milliseconds
    }
  });
  afterAll(async () => {
    await t.stop();
  });

  describe('POST /v1/users/{userId}/identities (extension)', () => {
    it('links an identity and answers the Identity model in Appwrite key order, tokens in clear', async () => {
      const res = await link('bob', {
        provider: 'discord',
        providerUid: 'b0b#1',
        providerEmail: 'Bob@Discord.Example',
        providerAccessToken: 'tok',
        providerAccessTokenExpiry: '2030-01-01T02:00:00+02:00',
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body)).toEqual(MODEL_KEYS);
      expect(res.body).toMatchObject({
        userId: 'bob',
        provider: 'discord',
        providerUid: 'b0b#1',
        providerEmail: 'bob@discord.example',
        providerAccessToken: 'tok',
        providerAccessTokenExpiry: '2030-01-01T00:00:00.000+00:00',
        providerRefreshToken: '',
      });
      expect(res.body.$id).toMatch(/^[0-9a-f]{20}$/);
      expect(res.body.$createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      expect((await t.request('DELETE', `/v1/users/identities/${res.body.$id}`)).status).toBe(204);
    });

    it('answers 404 user_not_found for an unknown user, 400 for a malformed user id', async () => {
      expectAppwriteError(
        await link('nobody', { provider: 'github', providerUid: '9' }),
        404,
        'user_not_found',
      );
      expectAppwriteError(
        await link('_bad', { provider: 'github', providerUid: '9' }),
        400,
        'general_argument_invalid',
      );
    });

    it('answers 409 user_identity_already_exists for a taken (provider, providerUid) or identity id', async () => {
      const taken = await link('bob', { provider: 'github', providerUid: '1001' });
      expectAppwriteError(taken, 409, 'user_identity_already_exists');
      const sameId = await link('bob', { identityId: 'gh-ada', provider: 'github', providerUid: 'fresh' });
      expectAppwriteError(sameId, 409, 'user_identity_already_exists');
      const longUid = { provider: 'github', providerUid: 'ü'.repeat(2048) };
      expect((await link('bob', longUid)).status).toBe(201);
      expectAppwriteError(await link('ada', longUid), 409, 'user_identity_already_exists');
      expect((await link('bob', { provider: 'gitlab', providerUid: '1001' })).status).toBe(201);
    });

    const base = { provider: 'github', providerUid: '1' };
    it.each([
      ['no provider', { providerUid: '1' }, 'Param "provider" is not optional.'],
      ['no providerUid', { provider: 'github' }, 'Param "providerUid" is not optional.'],
      ['a provider with a space', { ...base, provider: 'Git Hub' }, /^Invalid `provider` param/],
      ['a 2049-char providerUid', { ...base, providerUid: 'x'.repeat(2049) }, /^Invalid `providerUid` param/],
      ['a malformed email', { ...base, providerEmail: 'not-an-email' }, /^Invalid `providerEmail` param/],
      ['a malformed expiry', { ...base, providerAccessTokenExpiry: 'soon' }, /providerAccessTokenExpiry/],
      ['a 16385-char token', { ...base, providerRefreshToken: 'x'.repeat(16385) }, /providerRefreshToken/],
      ['a 37-char identityId', { ...base, identityId: 'x'.repeat(37) }, /^Invalid `identityId` param/],
    ])('answers 400 general_argument_invalid for %s', async (_name, body, message) => {
      expectAppwriteError(await link('ada', body), 400, 'general_argument_invalid', message);
    });

    it('stores 16384 four-byte characters in each token', async () => {
      const token = '😀'.repeat(16384);
      const res = await link('ada', { provider: 'emoji', providerUid: '1', providerAccessToken: token });
      expect(res.status).toBe(201);
      expect(res.body.providerAccessToken).toBe(token);
      expect((await t.request('DELETE', `/v1/users/identities/${res.body.$id}`)).status).toBe(204);
    });
  });

  describe('GET /v1/users/identities', () => {
    const linked = async () => (await page([Q('equal', '$id', ...ALL)])).ids;

    it('is routed before GET /v1/users/{userId}, even with a user whose id is "identities"', async () => {
      const res = await t.request('GET', '/v1/users/identities');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['total', 'identities']);
      expect(Object.keys(res.body.identities[0])).toEqual(MODEL_KEYS);
      expect((await t.request('GET', '/v1/users/identities/prefs')).status).toBe(200);
    });

    it('lists in creation order with the identities as linked', async () => {
      expect(await linked()).toEqual(ALL);
      const res = await t.request('GET', path([Q('equal', '$id', 'gh-ada')]));
      expect(res.body.identities[0]).toMatchObject({
        userId: 'ada',
        providerEmail: 'ada@github.example',
        providerAccessToken: 'access-gh-ada',
        providerAccessTokenExpiry: '2030-01-01T00:00:00.000+00:00',
        providerRefreshToken: 'refresh-gh-ada',
      });
      expect((await t.request('GET', path([Q('equal', '$id', 'gl-ada')]))).body.identities[0]).toMatchObject({
        providerAccessTokenExpiry: '',
      });
    });

    it.each([
      ['userId', [Q('equal', 'userId', 'bob')], ['gh-bob', 'oidc-bob']],
      ['provider', [Q('equal', 'provider', 'github')], ['gh-ada', 'gh-bob']],
      ['providerUid', [Q('equal', 'providerUid', 'auth0|5f7c8ec7c33c6c004bbafe82')], ['oidc-bob']],
      [
        'providerEmail',
        [Q('endsWith', 'providerEmail', '.example'), Q('notEqual', 'userId', 'bob')],
        ['gh-ada', 'gl-ada', 'google-ada'],
      ],
      [
        'expiry',
        [Q('greaterThan', 'providerAccessTokenExpiry', '2029-12-31T00:00:00.000+00:00')],
        ['gh-ada', 'google-ada'],
      ],
      ['no expiry', [Q('isNull', 'providerAccessTokenExpiry')], ['gl-ada', 'oidc-bob']],
      ['$sequence order', [Q('orderDesc', '$sequence')], [...ALL].reverse()],
      [
        'provider order',
        [Q('orderAsc', 'provider')],
        ['gh-ada', 'gh-bob', 'gl-ada', 'google-ada', 'oidc-bob'],
      ],
      ['search attribute', [Q('search', 'providerUid', 'lovelace')], ['gl-ada']],
    ])('filters and orders by %s', async (_name, queries, expected) => {
      const seeded = await page([Q('equal', '$id', ...ALL), ...queries]);
      expect(seeded).toEqual({ total: expected.length, ids: expected });
    });

    it('pages with limit, offset and cursors; total ignores them and total=false skips it', async () => {
      const only = Q('equal', '$id', ...ALL);
      expect(await page([only, Q('limit', undefined, 2), Q('offset', undefined, 1)])).toEqual({
        total: 5,
        ids: ALL.slice(1, 3),
      });
      expect(await page([only, Q('cursorAfter', undefined, 'gl-ada'), Q('limit', undefined, 2)])).toEqual({
        total: 5,
        ids: ALL.slice(2, 4),
      });
      expect(await page([only, Q('cursorBefore', undefined, 'oidc-bob'), Q('limit', undefined, 2)])).toEqual({
        total: 5,
        ids: ALL.slice(1, 3),
      });
      const byProvider = [only, Q('orderAsc', 'provider'), Q('cursorAfter', undefined, 'gh-bob')];
      expect((await page(byProvider)).ids).toEqual(['gl-ada', 'google-ada', 'oidc-bob']);
      expect(await page([only, Q('limit', undefined, 1)], { total: 'false' })).toEqual({
        total: 0,
        ids: ['gh-ada'],
      });
    });

    it('answers the cursor and query errors as Appwrite does', async () => {
      const missing = await t.request('GET', path([Q('cursorAfter', undefined, 'nope')]));
      expectAppwriteError(
        missing,
        400,
        'general_cursor_not_found',
        "User 'nope' for the 'cursor' value not found.",
      );
      const nullOrder = [Q('orderAsc', 'providerAccessTokenExpiry'), Q('cursorAfter', undefined, 'gl-ada')];
      expectAppwriteError(await t.request('GET', path(nullOrder)), 400, 'database_query_order_null');
      for (const bad of [
        Q('select', undefined, 'provider'),
        Q('equal', 'providerAccessToken', 'x'),
        Q('equal', 'name', 'x'),
      ]) {
        expect((await t.request('GET', path([bad]))).status).toBe(400);
      }
      expect((await t.request('GET', '/v1/users/identities?queries[0]=nope')).status).toBe(400);
    });

    it.each([
      ['github', ['gh-ada', 'gh-bob']],
      ['GITHUB.EXAMPLE', ['gh-ada']],
      ['lovel', ['gl-ada']],
      ['auth0', ['oidc-bob']],
      ['5f7c8ec7', ['oidc-bob']],
      ['ada gmail', ['google-ada']],
      ['ada bob', []],
      ['118000000000000000042', ['google-ada']],
    ])('searches provider, providerUid and providerEmail by word or prefix: %s', async (search, expected) => {
      expect(await page([Q('equal', '$id', ...ALL)], { search })).toEqual({
        total: expected.length,
        ids: expected,
      });
    });

    it('never fails on hostile search strings, nor reads them as wildcards or operators', async () => {
      const answers = await Promise.all(
        HOSTILE_SEARCHES.map(async (search) => {
          const res = await t.request('GET', path([], { search }));
          return [search, res.status, res.body?.total];
        }),
      );
      expect(answers).toEqual(HOSTILE_SEARCHES.map((search) => [search, 200, 0]));
      // Quotes are Appwrite's phrase operator (the users search's rule): the words, whole.
      const quoted = await t.request('GET', path([], { search: '"github"' }));
      expect(quoted.body.total).toBeGreaterThan(0);
      expect(quoted.body.total).toBe((await t.request('GET', path([], { search: 'github' }))).body.total);
    });

    it('answers malformed query strings with 200 or 400, never 500', async () => {
      const raw = [
        'search=%FF%FE',
        'search=%E0%A4%A',
        'search=a&search=b',
        'search[x]=1',
        'search[]=x',
        'queries=%FF',
        'queries[0]=%7B%22method%22%3A%22equal%22%7D',
        'queries[0]={"method":"equal","attribute":"providerUid","values":[{"$gt":""}]}',
        'queries[99999999]=x',
        'total[]=1',
      ];
      const statuses = await Promise.all(
        raw.map(async (query) => [query, (await t.request('GET', `/v1/users/identities?${query}`)).status]),
      );
      expect(statuses.filter(([, status]) => status !== 200 && status !== 400)).toEqual([]);
    });

    it('refuses an empty or too long search with 400, as Text(256)', async () => {
      for (const search of ['', 'a'.repeat(257)]) {
        expectAppwriteError(
          await t.request('GET', path([], { search })),
          400,
          'general_argument_invalid',
          /`search`/,
        );
      }
    });
  });

  describe('DELETE /v1/users/identities/{identityId}', () => {
    it('deletes (204, no body) only the identity and frees its provider pair; then 404', async () => {
      const made = await link('ada', { identityId: 'to-delete', provider: 'apple', providerUid: 'a1' });
      expect(made.status).toBe(201);
      const res = await t.request('DELETE', '/v1/users/identities/to-delete', { body: {} });
      expect({ status: res.status, text: res.text, type: res.headers.get('content-type') }).toEqual({
        status: 204,
        text: '',
        type: null,
      });
      expect((await page([Q('equal', '$id', 'to-delete')])).total).toBe(0);
      expect((await t.request('GET', '/v1/users/ada')).status).toBe(200);
      const again = await t.request('DELETE', '/v1/users/identities/to-delete');
      expectAppwriteError(again, 404, 'user_identity_not_found', /identity could not be found/);
      expect(
        (await link('bob', { identityId: 'to-delete', provider: 'apple', providerUid: 'a1' })).status,
      ).toBe(201);
    });

    it('answers 404 for an unknown id, 400 for a malformed one, 401 without a key', async () => {
      expectAppwriteError(
        await t.request('DELETE', '/v1/users/identities/unknown'),
        404,
        'user_identity_not_found',
      );
      expectAppwriteError(
        await t.request('DELETE', '/v1/users/identities/-x'),
        400,
        'general_argument_invalid',
      );
      expectAppwriteError(
        await t.request('DELETE', '/v1/users/identities/gh-ada', { key: null }),
        401,
        'general_unauthorized_scope',
      );
    });
  });

  it('rebuilds the same identities and search tokens by replaying every event', async () => {
    const snapshot = async () => [
      (await t.db.query('SELECT * FROM identities ORDER BY sequence'))[0],
      (await t.db.query('SELECT * FROM identity_search_tokens ORDER BY identity_sequence, field, token'))[0],
    ];
    const before = await snapshot();
    await t.db.query('DELETE FROM identity_search_tokens');
    await t.db.query('DELETE FROM identities');
    const store = new MysqlEventStore(t.db);
    const decoder = t.app.get<AppEventDecoder>(EVENT_DECODER);
    const connection = await t.db.getConnection();
    try {
      for (
        let position = 0, batch = await store.readAll(0, 100);
        batch.length > 0;
        batch = await store.readAll(position, 100)
      ) {
        await new IdentityProjection().apply(
          connection,
          (await decoder.decodeAll(batch)).filter(isIdentityEvent),
        );
        position = batch[batch.length - 1].position;
      }
    } finally {
      connection.release();
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('identities of a deleted user (worker)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({}, { worker: true });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('are unlinked within seconds, each event caused by the user.deleted event, and their pairs freed', async () => {
    const user = await t.createUser({});
    const keep = await t.createUser({});
    for (const [provider, providerUid] of [
      ['github', 'w1'],
      ['gitlab', 'w2'],
    ]) {
      expect(
        (await t.request('POST', `/v1/users/${user.$id}/identities`, { body: { provider, providerUid } }))
          .status,
      ).toBe(201);
    }
    const kept = await t.request('POST', `/v1/users/${keep.$id}/identities`, {
      body: { provider: 'github', providerUid: 'w3' },
    });
    expect((await t.request('DELETE', `/v1/users/${user.$id}`, { body: {} })).status).toBe(204);

    const started = Date.now();
    const listOf = async (userId: string) =>
      (await t.request('GET', path([Q('equal', 'userId', userId)]))).body.identities as Array<{
        $id: string;
      }>;
    await t.eventually(async () => (await listOf(user.$id)).length === 0, 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await listOf(keep.$id)).map((i) => i.$id)).toEqual([kept.body.$id]);

    const [[deletion]] = await t.db.query<RowDataPacket[]>(
      "SELECT id FROM events WHERE stream_type = 'user' AND stream_id = ? AND type = 'user.deleted'",
      [user.$id],
    );
    const [unlinked] = await t.db.query<RowDataPacket[]>(
      "SELECT data, metadata FROM events WHERE type = 'identity.deleted' ORDER BY position",
    );
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(unlinked.map((r) => [parse(r.data).reason, parse(r.metadata).causationId])).toEqual([
      ['user.deleted', deletion.id],
      ['user.deleted', deletion.id],
    ]);
    const relinked = await t.request('POST', `/v1/users/${keep.$id}/identities`, {
      body: { provider: 'github', providerUid: 'w1' },
    });
    expect(relinked.status).toBe(201);
  });
});
