import { createHash, randomUUID } from 'node:crypto';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, TestApp } from '../support/test-app';

const MODEL_KEYS = [
  '$id',
  '$createdAt',
  '$updatedAt',
  'userId',
  'description',
  'isActive',
  'expire',
  'lastUsedAt',
  'secret',
];
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('personal access tokens (extension)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  const create = (userId: string, body: unknown, key?: string) =>
    t.request('POST', `/v1/users/${userId}/access-tokens`, { body, key });
  const patch = (userId: string, tokenId: string, body: unknown) =>
    t.request('PATCH', `/v1/users/${userId}/access-tokens/${tokenId}`, { body });
  const bearer = (secret: string, method = 'GET', path = '/v1/account', body?: unknown) =>
    t.request(method, path, { key: null, body, headers: { authorization: `Bearer ${secret}` } });
  async function issue(userId: string, body: Record<string, unknown> = { description: 'CI' }) {
    const res = await create(userId, body);
    expect({ status: res.status, text: res.status === 201 ? '' : res.text }).toEqual({
      status: 201,
      text: '',
    });
    return res.body as { $id: string; secret: string };
  }
  const eventTypes = async (tokenId: string) => {
    const [rows] = await t.db.query(
      "SELECT type FROM events WHERE stream_type = 'access_token' AND stream_id = ? ORDER BY version",
      [tokenId],
    );
    return (rows as Array<{ type: string }>).map((r) => r.type);
  };

  it('shows the secret once: in the creation answer, never in the list, the get, the table or the event log', async () => {
    const user = await t.createUser({ email: 'ada@example.com', name: 'Ada' });
    const res = await create(user.$id, { description: 'CI deploys' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(MODEL_KEYS);
    const secret = res.body.secret as string;
    expect(secret).toMatch(/^pat_[A-Za-z0-9_-]{43}$/);
    expect(res.body).toMatchObject({
      userId: user.$id,
      description: 'CI deploys',
      isActive: true,
      expire: '',
      lastUsedAt: '',
    });

    const list = await t.request('GET', `/v1/users/${user.$id}/access-tokens`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.accessTokens).toEqual([{ ...res.body, secret: '' }]);
    const one = await t.request('GET', `/v1/users/${user.$id}/access-tokens/${res.body.$id}`);
    expect(one.body).toEqual({ ...res.body, secret: '' });

    const [rows] = await t.db.query('SELECT secret_hash FROM access_tokens WHERE id = ?', [res.body.$id]);
    expect(rows).toEqual([{ secret_hash: sha256(secret) }]);
    const [events] = await t.db.query(
      "SELECT CAST(data AS CHAR) AS data, CAST(metadata AS CHAR) AS metadata FROM events WHERE stream_type = 'access_token'",
    );
    const log = JSON.stringify(events);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(secret.slice(4));
    expect(await eventTypes(res.body.$id)).toEqual(['access_token.created']);
  });

  it('Bearer acts as the user on the account routes; routes about the current session have none', async () => {
    const user = await t.createUser({ email: 'bob@example.com', name: 'Bob' });
    const { secret } = await issue(user.$id);
    const account = await bearer(secret);
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ $id: user.$id, email: 'bob@example.com' });
    expect((await bearer(secret, 'GET', '/v1/account/prefs')).status).toBe(200);
    const renamed = await bearer(secret, 'PATCH', '/v1/account/name', { name: 'Robert' });
    expect(renamed.status).toBe(200);
    expect((await t.request('GET', `/v1/users/${user.$id}`)).body.name).toBe('Robert');
    // Lowercase scheme and extra spaces are fine (RFC 9110: the scheme is case-insensitive).
    expect(
      (await t.request('GET', '/v1/account', { key: null, headers: { authorization: `bearer  ${secret}` } }))
        .status,
    ).toBe(200);

    // No session stands behind a token: it cannot log "this session" out, nor mint a JWT.
    expectAppwriteError(
      await bearer(secret, 'DELETE', '/v1/account/sessions/current'),
      404,
      'user_session_not_found',
    );
    expectAppwriteError(await bearer(secret, 'POST', '/v1/account/jwts', {}), 404, 'user_session_not_found');
    expect((await bearer(secret, 'GET', '/v1/account/sessions')).body.total).toBe(0);
  });

  it('refuses unknown tokens with user_invalid_token; other bearer credentials are no session', async () => {
    expectAppwriteError(await bearer(`pat_${'A'.repeat(43)}`), 401, 'user_invalid_token');
    expectAppwriteError(await bearer(`pat_${'A'.repeat(600)}`), 401, 'user_invalid_token');
    expectAppwriteError(await bearer('not-a-pat'), 401, 'general_unauthorized_scope');
    expectAppwriteError(
      await t.request('GET', '/v1/account', { key: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
      401,
      'general_unauthorized_scope',
    );
  });

  it('a disabled token is refused at once, and works again once enabled', async () => {
    const user = await t.createUser({ name: 'Cleo' });
    const token = await issue(user.$id);
    const disabled = await patch(user.$id, token.$id, { isActive: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ $id: token.$id, isActive: false, secret: '' });
    expectAppwriteError(await bearer(token.secret), 401, 'user_invalid_token');
    // The same state again appends nothing.
    expect((await patch(user.$id, token.$id, { isActive: false })).status).toBe(200);
    expect(await eventTypes(token.$id)).toEqual(['access_token.created', 'access_token.updated']);

    const enabled = await patch(user.$id, token.$id, { isActive: true });
    expect(enabled.body.isActive).toBe(true);
    expect((await bearer(token.secret)).status).toBe(200);
  });

  it('an expired token is refused', async () => {
    const user = await t.createUser({ name: 'Dora' });
    const expire = new Date(Date.now() + 1500);
    const token = await issue(user.$id, { description: 'short', expire: expire.toISOString() });
    expect((await t.request('GET', `/v1/users/${user.$id}/access-tokens/${token.$id}`)).body.expire).toBe(
      expire.toISOString().replace('Z', '+00:00'),
    );
    expect((await bearer(token.secret)).status).toBe(200);
    await sleep(expire.getTime() - Date.now() + 100);
    expectAppwriteError(await bearer(token.secret), 401, 'user_invalid_token');
  });

  it('a deleted token is refused and gone; its id is not found any more', async () => {
    const user = await t.createUser({ name: 'Eve' });
    const token = await issue(user.$id);
    const kept = await issue(user.$id, { description: 'kept' });
    const path = `/v1/users/${user.$id}/access-tokens/${token.$id}`;
    const deleted = await t.request('DELETE', path);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectAppwriteError(await bearer(token.secret), 401, 'user_invalid_token');
    expectAppwriteError(await t.request('GET', path), 404, 'user_access_token_not_found');
    expectAppwriteError(await t.request('DELETE', path), 404, 'user_access_token_not_found');
    expectAppwriteError(
      await patch(user.$id, token.$id, { isActive: true }),
      404,
      'user_access_token_not_found',
    );
    const list = await t.request('GET', `/v1/users/${user.$id}/access-tokens`);
    expect(list.body.accessTokens.map((x: { $id: string }) => x.$id)).toEqual([kept.$id]);
    expect((await bearer(kept.secret)).status).toBe(200);
  });

  it('blocking or banning the user stops its tokens at once; lifting it lets them work again', async () => {
    const user = await t.createUser({ name: 'Finn' });
    const token = await issue(user.$id);
    expect(
      (await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: false } })).status,
    ).toBe(200);
    expectAppwriteError(await bearer(token.secret), 403, 'user_blocked');
    expect(
      (await t.request('PATCH', `/v1/users/${user.$id}/status`, { body: { status: true } })).status,
    ).toBe(200);
    expect((await bearer(token.secret)).status).toBe(200);

    expect((await t.request('POST', `/v1/users/${user.$id}/ban`, { body: { reason: 'Spam' } })).status).toBe(
      200,
    );
    expectAppwriteError(await bearer(token.secret), 403, 'user_blocked');
    expect((await t.request('POST', `/v1/users/${user.$id}/unban`)).status).toBe(200);
    expect((await bearer(token.secret)).status).toBe(200);
  });

  it('deleting the user stops its tokens at once, and a user re-created with the same id does not revive them', async () => {
    const userId = `gone-${randomUUID().slice(0, 8)}`;
    await t.createUser({ userId, name: 'Gus' });
    const token = await issue(userId);
    expect((await t.request('DELETE', `/v1/users/${userId}`)).status).toBe(204);
    expectAppwriteError(await bearer(token.secret), 401, 'user_invalid_token');
    expectAppwriteError(await t.request('GET', `/v1/users/${userId}/access-tokens`), 404, 'user_not_found');
    expectAppwriteError(await create(userId, { description: 'x' }), 404, 'user_not_found');

    await t.createUser({ userId, name: 'Another Gus' });
    expectAppwriteError(await bearer(token.secret), 401, 'user_invalid_token');
    expect((await t.request('GET', `/v1/users/${userId}/access-tokens`)).body).toEqual({
      total: 0,
      accessTokens: [],
    });
    const old = `/v1/users/${userId}/access-tokens/${token.$id}`;
    expectAppwriteError(await t.request('GET', old), 404, 'user_access_token_not_found');
    expectAppwriteError(await t.request('DELETE', old), 404, 'user_access_token_not_found');
    // The new user's own tokens work.
    expect((await bearer((await issue(userId)).secret)).body.name).toBe('Another Gus');
  });

  it("a token is only found under its own user's path", async () => {
    const owner = await t.createUser({ name: 'Hal' });
    const other = await t.createUser({ name: 'Ivy' });
    const token = await issue(owner.$id);
    const path = `/v1/users/${other.$id}/access-tokens/${token.$id}`;
    expectAppwriteError(await t.request('GET', path), 404, 'user_access_token_not_found');
    expectAppwriteError(await t.request('DELETE', path), 404, 'user_access_token_not_found');
    expect((await bearer(token.secret)).body.$id).toBe(owner.$id);
  });

  it('validates its input', async () => {
    const user = await t.createUser({ name: 'Jo' });
    const token = await issue(user.$id);
    const invalid = (res: Awaited<ReturnType<typeof create>>, message: RegExp) =>
      expectAppwriteError(res, 400, 'general_argument_invalid', message);
    invalid(await create(user.$id, {}), /Param "description" is not optional/);
    invalid(await create(user.$id, { description: '' }), /Invalid `description` param/);
    invalid(await create(user.$id, { description: 'x'.repeat(257) }), /Invalid `description` param/);
    expect((await create(user.$id, { description: 'x'.repeat(256) })).status).toBe(201);
    invalid(await create(user.$id, { description: 'x', expire: 'tomorrow' }), /Invalid `expire` param/);
    invalid(
      await create(user.$id, { description: 'x', expire: new Date(Date.now() - 1000).toISOString() }),
      /Value must be a date in the future/,
    );
    invalid(await patch(user.$id, token.$id, {}), /Param "isActive" is not optional/);
    invalid(await patch(user.$id, token.$id, { isActive: 'no' }), /Invalid `isActive` param/);
    invalid(await t.request('GET', `/v1/users/${user.$id}/access-tokens/bad$id`), /Invalid `tokenId` param/);
    expectAppwriteError(await create('nobody', { description: 'x' }), 404, 'user_not_found');
    expectAppwriteError(
      await t.request('GET', `/v1/users/${user.$id}/access-tokens/nothing`),
      404,
      'user_access_token_not_found',
    );
    // Nothing half-applied: only the two valid creations left events.
    const [rows] = await t.db.query(
      "SELECT COUNT(*) AS n FROM events WHERE stream_type = 'access_token' AND JSON_VALUE(data, '$.userId') = ?",
      [user.$id],
    );
    expect(Number((rows as Array<{ n: number }>)[0].n)).toBe(2);
  });

  it('needs users.write to change tokens and users.read to see them', async () => {
    const user = await t.createUser({ name: 'Kim' });
    const token = await issue(user.$id);
    const reader = `standard_${randomUUID().replace(/-/g, '')}`;
    await t.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [randomUUID(), 'reader', hashApiKeySecret(reader), JSON.stringify(['users.read']), null, new Date()],
    );
    const path = `/v1/users/${user.$id}/access-tokens`;
    expectAppwriteError(
      await create(user.$id, { description: 'x' }, reader),
      401,
      'general_unauthorized_scope',
    );
    expectAppwriteError(
      await t.request('PATCH', `${path}/${token.$id}`, { key: reader, body: { isActive: false } }),
      401,
      'general_unauthorized_scope',
    );
    expectAppwriteError(
      await t.request('DELETE', `${path}/${token.$id}`, { key: reader }),
      401,
      'general_unauthorized_scope',
    );
    expect((await t.request('GET', path, { key: reader })).status).toBe(200);
    expect((await t.request('GET', `${path}/${token.$id}`, { key: reader })).status).toBe(200);
    expectAppwriteError(await t.request('GET', path, { key: null }), 401, 'general_unauthorized_scope');
  });

  it("erasure purges the user's token rows", async () => {
    const user = await t.createUser({ name: 'Lou' });
    const token = await issue(user.$id);
    expect((await t.request('POST', `/v1/users/${user.$id}/erasure`)).status).toBeLessThan(300);
    const [rows] = await t.db.query('SELECT id FROM access_tokens WHERE user_id = ?', [user.$id]);
    expect(rows).toEqual([]);
    expectAppwriteError(await bearer(token.secret), 401, 'user_invalid_token');
  });

  it('keeps lastUsedAt (by the worker, at most once a window) and logs create/update/delete under Appwrite-style names', async () => {
    const user = await t.createUser({ name: 'Max' });
    const token = await issue(user.$id);
    await Promise.all(Array.from({ length: 5 }, () => bearer(token.secret)));
    const path = `/v1/users/${user.$id}/access-tokens/${token.$id}`;
    // The request never writes it: the worker does.
    expect((await t.request('GET', path)).body.lastUsedAt).toBe('');
    const before = Date.now();
    await t.startWorker();
    const lastUsedAt = await t.eventually(
      async () => (await t.request('GET', path)).body.lastUsedAt || undefined,
    );
    expect(new Date(lastUsedAt).getTime()).toBeLessThanOrEqual(before);
    expect(new Date(lastUsedAt).getTime()).toBeGreaterThan(before - 60_000);
    // $updatedAt is the token's own changes, not its uses.
    const got = (await t.request('GET', path)).body;
    expect(got.$updatedAt).toBe(got.$createdAt);

    // Within the window another use is not written.
    await bearer(token.secret);
    const later = await issue(user.$id, { description: 'later' });
    await bearer(later.secret);
    await t.eventually(
      async () =>
        (await t.request('GET', `/v1/users/${user.$id}/access-tokens/${later.$id}`)).body.lastUsedAt !== '',
    );
    expect((await t.request('GET', path)).body.lastUsedAt).toBe(lastUsedAt);

    await patch(user.$id, token.$id, { isActive: false });
    await t.request('DELETE', path);
    const names = await t.eventually(async () => {
      const logs = await t.request('GET', `/v1/users/${user.$id}/logs`);
      const events = (logs.body.logs as Array<{ event: string }>).map((l) => l.event);
      return events.includes(`users.${user.$id}.access-tokens.${token.$id}.delete`) && events;
    });
    expect(names).toEqual(
      expect.arrayContaining([
        `users.${user.$id}.access-tokens.${token.$id}.create`,
        `users.${user.$id}.access-tokens.${token.$id}.update`,
      ]),
    );
    // The history shows the token's events without its hash.
    const history = await t.request('GET', `/v1/users/${user.$id}/events?include=access-tokens`);
    expect(history.status).toBe(200);
    const created = (history.body.events as Array<{ type: string; data: Record<string, unknown> }>).find(
      (e) => e.type === 'access_token.created' && e.data.tokenId === token.$id,
    );
    expect(created?.data).toEqual({
      tokenId: token.$id,
      userId: user.$id,
      userIncarnation: expect.any(Number),
      description: 'CI',
      expire: null,
    });
  });
  it("the worker deletes a deleted user's tokens (access_token.deleted, reason user.deleted), not those of its successor", async () => {
    // The worker runs since the test above.
    const userId = `swept-${randomUUID().slice(0, 8)}`;
    await t.createUser({ userId, name: 'Ned' });
    const old = await issue(userId);
    expect((await t.request('DELETE', `/v1/users/${userId}`)).status).toBe(204);
    await t.createUser({ userId, name: 'New Ned' });
    const fresh = await issue(userId);
    await t.eventually(async () => (await eventTypes(old.$id)).includes('access_token.deleted'));
    const [rows] = await t.db.query(
      "SELECT JSON_VALUE(data, '$.reason') AS reason FROM events WHERE stream_type = 'access_token' AND stream_id = ? AND type = 'access_token.deleted'",
      [old.$id],
    );
    expect(rows).toEqual([{ reason: 'user.deleted' }]);
    const [left] = await t.db.query('SELECT id FROM access_tokens WHERE user_id = ?', [userId]);
    expect(left).toEqual([{ id: fresh.$id }]);
    expect((await bearer(fresh.secret)).body.name).toBe('New Ned');
  });
});

describe('personal access tokens: the per-user limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ ACCESS_TOKENS_PER_USER: '2' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('refuses a token beyond ACCESS_TOKENS_PER_USER with 400 until one is deleted; disabled ones count', async () => {
    const user = await t.createUser({ email: 'limit@example.com' });
    const other = await t.createUser({ email: 'limit-other@example.com' });
    const path = `/v1/users/${user.$id}/access-tokens`;
    const first = await t.request('POST', path, { body: { description: 'one' } });
    const second = await t.request('POST', path, { body: { description: 'two' } });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(
      (await t.request('PATCH', `${path}/${second.body.$id}`, { body: { isActive: false } })).status,
    ).toBe(200);

    const third = await t.request('POST', path, { body: { description: 'three' } });
    expectAppwriteError(
      third,
      400,
      'user_access_token_limit_exceeded',
      /maximum of 2 personal access tokens/,
    );
    expect((await t.request('GET', path)).body.total).toBe(2);
    // Another user's tokens are its own count.
    expect(
      (await t.request('POST', `/v1/users/${other.$id}/access-tokens`, { body: { description: 'x' } }))
        .status,
    ).toBe(201);

    expect((await t.request('DELETE', `${path}/${first.body.$id}`)).status).toBe(204);
    expect((await t.request('POST', path, { body: { description: 'three' } })).status).toBe(201);
  });
});
