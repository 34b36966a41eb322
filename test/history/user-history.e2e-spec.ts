import { randomUUID } from 'node:crypto';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, HttpResult, TestApp } from '../support/test-app';

const EVENT_KEYS = [
  '$id',
  'type',
  'streamType',
  'streamId',
  'version',
  'position',
  'occurredAt',
  'actor',
  'requestId',
  'ip',
  'userAgent',
  'data',
];

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

function eventsPath(userId: string, queries: object[] = [], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  queries.forEach((q, i) => params.append(`queries[${i}]`, JSON.stringify(q)));
  for (const [key, value] of Object.entries(extra)) params.append(key, value);
  return `/v1/users/${userId}/events?${params}`;
}

const typesOf = (res: HttpResult) => (res.body.events as Array<{ type: string }>).map((e) => e.type);

describe('user history and time travel', () => {
  let t: TestApp;
  let readKey: string;
  let readKeyId: string;
  let hashesKey: string;
  let writeOnlyKey: string;

  async function insertKey(scopes: string[]): Promise<{ id: string; secret: string }> {
    const id = randomUUID();
    const secret = `standard_${randomUUID().replace(/-/g, '')}`;
    await t.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
      [id, 'history-test', hashApiKeySecret(secret), JSON.stringify(scopes), new Date()],
    );
    return { id, secret };
  }

  async function ok(method: string, path: string, body?: object, status = 200, key?: string) {
    const res = await t.request(method, path, { body, key });
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  }

  async function history(
    userId: string,
    extra: Record<string, string> = {},
    key?: string,
    queries: object[] = [],
  ) {
    const res = await t.request('GET', eventsPath(userId, queries, extra), { key });
    expect({ status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({
      status: 200,
      text: '',
    });
    return res;
  }

  beforeAll(async () => {
    t = await TestApp.start({}, { worker: true });
    ({ id: readKeyId, secret: readKey } = await insertKey(['users.read', 'users.write', 'sessions.write']));
    hashesKey = (await insertKey(['users.read', 'users.hashes.read'])).secret;
    writeOnlyKey = (await insertKey(['users.write'])).secret;
  });
  afterAll(async () => {
    await t.stop();
  });

  it('lists the user stream oldest first, with who, from where and what', async () => {
    const user = await t.createUser({ email: 'meta@example.com', password: 'password123', name: 'Meta' });
    const res = await t.request('PATCH', `/v1/users/${user.$id}/name`, {
      key: readKey,
      body: { name: 'Meta Renamed' },
      headers: { 'x-request-id': 'req-history-1', 'user-agent': 'history-test/1.0' },
    });
    expect(res.status).toBe(200);

    const { body } = await history(user.$id);
    expect(body.total).toBe(2);
    expect(typesOf({ body } as HttpResult)).toEqual(['user.created', 'user.name.changed']);
    const [created, renamed] = body.events;
    expect(Object.keys(renamed)).toEqual(EVENT_KEYS);
    expect(renamed).toMatchObject({
      streamType: 'user',
      streamId: user.$id,
      version: 2,
      actor: { type: 'key', id: readKeyId },
      requestId: 'req-history-1',
      ip: '127.0.0.1',
      userAgent: 'history-test/1.0',
      data: { name: 'Meta Renamed' },
    });
    expect(renamed.position).toBeGreaterThan(created.position);
    expect(renamed.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
    // Sealed fields are opened for the answer; the bootstrap key is the creator.
    expect(created).toMatchObject({
      version: 1,
      actor: { type: 'key', id: 'bootstrap' },
      data: { userId: user.$id, name: 'Meta', email: 'meta@example.com' },
    });
  });

  it('shows password hashes only to a key with users.hashes.read, and never a password or a secret', async () => {
    const user = await t.createUser({ email: 'hash@example.com', password: 'first-password-1' });
    await ok('PATCH', `/v1/users/${user.$id}/password`, { password: 'second-password-2' });
    const session = await ok('POST', `/v1/users/${user.$id}/sessions`, undefined, 201);
    expect(typeof session.secret).toBe('string');
    expect(session.secret.length).toBeGreaterThan(0);

    const plain = await history(user.$id, { include: 'sessions' }, readKey);
    const withHashes = await history(user.$id, { include: 'sessions' }, hashesKey);
    const hashed = plain.body.events.filter(
      (e: any) => e.type.startsWith('user.password') || e.type === 'user.created',
    );
    expect(hashed).toHaveLength(2);
    for (const event of hashed)
      expect(event.data).toMatchObject({ password: null, hashOptions: null, hash: 'argon2' });
    const shown = withHashes.body.events.filter(
      (e: any) => e.type.startsWith('user.password') || e.type === 'user.created',
    );
    for (const event of shown) expect(event.data.password).toMatch(/^\$argon2id\$/);
    const current = await ok('GET', `/v1/users/${user.$id}`, undefined, 200, readKey);
    expect(current.password).toBeNull();

    for (const res of [plain, withHashes]) {
      for (const secret of ['first-password-1', 'second-password-2', session.secret]) {
        expect(res.text).not.toContain(secret);
      }
      const created = res.body.events.find((e: any) => e.type === 'session.created');
      expect(created.data).not.toHaveProperty('secretHash');
      expect(created.data).toMatchObject({ sessionId: session.$id, userId: user.$id, provider: 'server' });
    }
  });

  it('adds the session and identity streams in global order with include', async () => {
    const user = await t.createUser({ email: 'include@example.com', password: 'password123' });
    const session = await ok('POST', `/v1/users/${user.$id}/sessions`, undefined, 201);
    await ok('PATCH', `/v1/users/${user.$id}/name`, { name: 'Included' });
    const identity = await ok(
      'POST',
      `/v1/users/${user.$id}/identities`,
      {
        provider: 'github',
        providerUid: '4242',
        providerAccessToken: 'gho_token_secret',
        providerRefreshToken: 'ghr_refresh',
      },
      201,
    );
    await ok('DELETE', `/v1/users/${user.$id}/sessions/${session.$id}`, undefined, 204);
    // Another user's streams are not part of this history.
    const other = await t.createUser({ email: 'other-include@example.com', password: 'password123' });
    await ok('POST', `/v1/users/${other.$id}/sessions`, undefined, 201);

    expect(typesOf(await history(user.$id))).toEqual(['user.created', 'user.name.changed']);
    expect(typesOf(await history(user.$id, { include: 'sessions' }))).toEqual([
      'user.created',
      'session.created',
      'user.name.changed',
      'session.revoked',
    ]);
    const all = await history(user.$id, { include: 'sessions,identities' });
    expect(typesOf(all)).toEqual([
      'user.created',
      'session.created',
      'user.name.changed',
      'identity.created',
      'session.revoked',
    ]);
    expect(all.body.total).toBe(5);
    const positions = all.body.events.map((e: any) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const linked = all.body.events.find((e: any) => e.type === 'identity.created');
    expect(linked).toMatchObject({
      streamType: 'identity',
      streamId: identity.$id,
      version: 1,
      data: { userId: user.$id, providerUid: '4242', providerAccessToken: null, providerRefreshToken: null },
    });
    expect(all.text).not.toContain('gho_token_secret');
    expect(typesOf(await history(user.$id, { include: 'identities' }))).toEqual([
      'user.created',
      'user.name.changed',
      'identity.created',
    ]);
  });

  it('pages with limit, offset and cursors, and filters on the type', async () => {
    const user = await t.createUser({ email: 'paging@example.com', password: 'password123' });
    for (const name of ['A', 'B', 'C', 'D']) await ok('PATCH', `/v1/users/${user.$id}/name`, { name });
    await ok('PATCH', `/v1/users/${user.$id}/status`, { status: false });
    const all = (await history(user.$id)).body.events as Array<{ $id: string; type: string; data: any }>;
    expect(all).toHaveLength(6);

    const limited = await history(user.$id, {}, undefined, [{ method: 'limit', values: [2] }]);
    expect(limited.body.total).toBe(6);
    expect(limited.body.events.map((e: any) => e.$id)).toEqual(all.slice(0, 2).map((e) => e.$id));
    const offset = await history(user.$id, {}, undefined, [
      { method: 'limit', values: [2] },
      { method: 'offset', values: [2] },
    ]);
    expect(offset.body.events.map((e: any) => e.$id)).toEqual(all.slice(2, 4).map((e) => e.$id));
    const after = await history(user.$id, {}, undefined, [
      { method: 'limit', values: [3] },
      { method: 'cursorAfter', values: [all[1].$id] },
    ]);
    expect(after.body.events.map((e: any) => e.$id)).toEqual(all.slice(2, 5).map((e) => e.$id));
    const before = await history(user.$id, {}, undefined, [
      { method: 'limit', values: [2] },
      { method: 'cursorBefore', values: [all[4].$id] },
    ]);
    expect(before.body.events.map((e: any) => e.$id)).toEqual(all.slice(2, 4).map((e) => e.$id));
    // The older string form of queries works too.
    const names = await history(user.$id, {}, undefined, []);
    expect(names.status).toBe(200);
    const legacy = await t.request(
      'GET',
      `/v1/users/${user.$id}/events?queries[0]=${encodeURIComponent('equal("type", ["user.name.changed"])')}`,
    );
    expect(legacy.status).toBe(200);
    expect(legacy.body.total).toBe(4);
    expect(legacy.body.events.map((e: any) => e.data.name)).toEqual(['A', 'B', 'C', 'D']);
    const two = await history(user.$id, {}, undefined, [
      { method: 'equal', attribute: 'type', values: ['user.created', 'user.status.changed'] },
    ]);
    expect(typesOf(two)).toEqual(['user.created', 'user.status.changed']);
    const filteredAfter = await history(user.$id, {}, undefined, [
      { method: 'equal', attribute: 'type', values: ['user.name.changed'] },
      { method: 'cursorAfter', values: [all[2].$id] },
    ]);
    expect(filteredAfter.body.events.map((e: any) => e.data.name)).toEqual(['C', 'D']);
    expect(filteredAfter.body.total).toBe(4);
    const uncounted = await history(user.$id, { total: 'false' });
    expect(uncounted.body.total).toBe(0);

    // A cursor must be an event of this history.
    const other = await t.createUser({ email: 'paging-other@example.com', password: 'password123' });
    const foreign = (await history(other.$id)).body.events[0].$id;
    expectAppwriteError(
      await t.request('GET', eventsPath(user.$id, [{ method: 'cursorAfter', values: [foreign] }])),
      400,
      'general_cursor_not_found',
    );
    expectAppwriteError(
      await t.request('GET', eventsPath(user.$id, [{ method: 'equal', attribute: 'data', values: ['x'] }])),
      400,
      'general_argument_invalid',
      /Attribute not found in schema: data/,
    );
    expectAppwriteError(
      await t.request('GET', eventsPath(user.$id, [{ method: 'orderDesc', attribute: 'type' }])),
      400,
      'general_argument_invalid',
    );
    expectAppwriteError(
      await t.request('GET', eventsPath(user.$id, [], { include: 'sessions,passwords' })),
      400,
      'general_argument_invalid',
      /Invalid `include` param/,
    );
  });

  it('keeps the history after deletion, and a re-created user continues the stream', async () => {
    const user = await t.createUser({ email: 'gone@example.com', password: 'password123', name: 'First' });
    await ok('DELETE', `/v1/users/${user.$id}`, undefined, 204);
    expectAppwriteError(await t.request('GET', `/v1/users/${user.$id}`), 404, 'user_not_found');

    const afterDelete = await history(user.$id);
    expect(typesOf(afterDelete)).toEqual(['user.created', 'user.deleted']);

    await t.createUser({
      userId: user.$id,
      email: 'again@example.com',
      password: 'password123',
      name: 'Second',
    });
    const again = await history(user.$id);
    expect(typesOf(again)).toEqual(['user.created', 'user.deleted', 'user.created']);
    expect(again.body.events.map((e: any) => e.version)).toEqual([1, 2, 3]);
    expect(again.body.events[2].data).toMatchObject({ name: 'Second', email: 'again@example.com' });

    // The user as it was: the first incarnation at version 1, nothing between the two.
    expect((await ok('GET', `/v1/users/${user.$id}?version=1`)).name).toBe('First');
    expectAppwriteError(await t.request('GET', `/v1/users/${user.$id}?version=2`), 404, 'user_not_found');
    expect((await ok('GET', `/v1/users/${user.$id}?version=3`)).email).toBe('again@example.com');
  });

  it('answers 404 user_not_found for an id that never had a stream', async () => {
    expectAppwriteError(await t.request('GET', '/v1/users/never-existed/events'), 404, 'user_not_found');
    expectAppwriteError(await t.request('GET', '/v1/users/never-existed?version=1'), 404, 'user_not_found');
    expectAppwriteError(await t.request('GET', '/v1/users/never-existed/export'), 404, 'user_not_found');
  });

  it('shows the user as of a version or a time, through the read model', async () => {
    const beforeCreation = new Date().toISOString();
    await pause();
    const user = await t.createUser({ email: 'travel@example.com', password: 'password123', name: 'A' });
    await pause();
    await ok('PATCH', `/v1/users/${user.$id}/name`, { name: 'B' });
    await ok('PUT', `/v1/users/${user.$id}/labels`, { labels: ['vip'] });
    await pause();
    await ok('PATCH', `/v1/users/${user.$id}/name`, { name: 'C' });
    const events = (await history(user.$id)).body.events;
    const now = await ok('GET', `/v1/users/${user.$id}`, undefined, 200, readKey);

    const v2 = await ok('GET', `/v1/users/${user.$id}?version=2`, undefined, 200, readKey);
    expect(Object.keys(v2)).toEqual(Object.keys(now));
    expect(v2).toMatchObject({
      $id: user.$id,
      name: 'B',
      labels: [],
      email: 'travel@example.com',
      password: null,
    });
    expect(v2.$updatedAt).toBe(events[1].occurredAt);
    expect((await ok('GET', `/v1/users/${user.$id}?version=3`)).labels).toEqual(['vip']);
    // The last version is the user now.
    expect(await ok('GET', `/v1/users/${user.$id}?version=4`, undefined, 200, readKey)).toEqual(now);

    const between = new Date(Date.parse(events[2].occurredAt) + 1).toISOString();
    expect(Date.parse(between)).toBeLessThan(Date.parse(events[3].occurredAt));
    expect(await ok('GET', `/v1/users/${user.$id}?at=${encodeURIComponent(between)}`)).toMatchObject({
      name: 'B',
      labels: ['vip'],
    });
    expect(
      (await ok('GET', `/v1/users/${user.$id}?at=${encodeURIComponent(events[0].occurredAt)}`)).name,
    ).toBe('A');
    expectAppwriteError(
      await t.request('GET', `/v1/users/${user.$id}?at=${encodeURIComponent(beforeCreation)}`),
      404,
      'user_not_found',
    );
    expectAppwriteError(await t.request('GET', `/v1/users/${user.$id}?version=5`), 404, 'user_not_found');

    // Same scopes as today's GET: hashes only with users.hashes.read.
    const withHash = await t.request('GET', `/v1/users/${user.$id}?version=1`, { key: hashesKey });
    expect(withHash.body.password).toMatch(/^\$argon2id\$/);

    for (const query of [
      'version=0',
      'version=abc',
      'version=1.5',
      'at=yesterday',
      'at=2026-02-30T00:00:00Z',
      'version=1&at=2026-01-01',
    ]) {
      expectAppwriteError(
        await t.request('GET', `/v1/users/${user.$id}?${query}`),
        400,
        'general_argument_invalid',
      );
    }
  });

  it('exports everything held about the user as one attachment, without secrets', async () => {
    const user = await t.createUser({
      email: 'export@example.com',
      password: 'export-password-1',
      name: 'Ex',
    });
    await ok('PATCH', `/v1/users/${user.$id}/prefs`, { prefs: { theme: 'dark' } });
    const session = await ok('POST', `/v1/users/${user.$id}/sessions`, undefined, 201);
    await ok(
      'POST',
      `/v1/users/${user.$id}/identities`,
      {
        provider: 'github',
        providerUid: 'exp-1',
        providerAccessToken: 'gho_export_token',
        providerRefreshToken: 'ghr_export',
      },
      201,
    );
    const token = await ok('POST', `/v1/users/${user.$id}/access-tokens`, { description: 'CI' }, 201);
    // The activity log is written by the worker.
    await t.eventually(async () => {
      const logs = await t.request('GET', `/v1/users/${user.$id}/logs`);
      return logs.body.total >= 4;
    });

    for (const key of [readKey, hashesKey]) {
      const res = await t.request('GET', `/v1/users/${user.$id}/export`, { key });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="user-${user.$id}.json"`);
      const doc = res.body;
      expect(Object.keys(doc)).toEqual([
        'exportedAt',
        'userId',
        'user',
        'prefs',
        'sessions',
        'identities',
        'accessTokens',
        'memberships',
        'logs',
        'events',
      ]);
      expect(doc.user).toMatchObject({
        $id: user.$id,
        name: 'Ex',
        email: 'export@example.com',
        password: null,
      });
      expect(doc.prefs).toEqual({ theme: 'dark' });
      expect(doc.sessions.map((s: any) => s.$id)).toEqual([session.$id]);
      expect(doc.sessions[0].secret).toBe('');
      expect(doc.identities).toHaveLength(1);
      expect(doc.identities[0]).toMatchObject({
        providerUid: 'exp-1',
        providerAccessToken: '',
        providerRefreshToken: '',
      });
      expect(doc.accessTokens).toHaveLength(1);
      expect(doc.accessTokens[0]).toMatchObject({ $id: token.$id, description: 'CI', secret: '' });
      expect(doc.memberships).toEqual([]);
      expect(doc.logs.length).toBeGreaterThanOrEqual(4);
      expect(doc.logs[0]).toHaveProperty('event');
      expect(doc.events.map((e: any) => e.type)).toEqual([
        'user.created',
        'user.prefs.updated',
        'session.created',
        'identity.created',
        'access_token.created',
      ]);
      for (const secret of [
        'export-password-1',
        session.secret,
        token.secret,
        'gho_export_token',
        'ghr_export',
        '$argon2',
      ]) {
        expect(res.text).not.toContain(secret);
      }
    }

    // A deleted user is still exported: its history remains.
    await ok('DELETE', `/v1/users/${user.$id}`, undefined, 204);
    const gone = await t.request('GET', `/v1/users/${user.$id}/export`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ user: null, prefs: null, accessTokens: [], memberships: [] });
    expect(gone.body.events.map((e: any) => e.type)).toContain('user.deleted');
  });

  it('needs users.read like the other routes', async () => {
    const user = await t.createUser({ email: 'scopes@example.com', password: 'password123' });
    for (const path of [
      `/v1/users/${user.$id}/events`,
      `/v1/users/${user.$id}/export`,
      `/v1/users/${user.$id}?version=1`,
    ]) {
      expectAppwriteError(
        await t.request('GET', path, { key: writeOnlyKey }),
        401,
        'general_unauthorized_scope',
      );
      expectAppwriteError(await t.request('GET', path, { key: null }), 401, 'general_unauthorized_scope');
    }
  });
});
