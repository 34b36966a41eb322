import { randomUUID } from 'node:crypto';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, TestApp } from '../support/test-app';

const MERGE = 'application/merge-patch+json';

describe('PATCH /v1/users/{id}/prefs with application/merge-patch+json (extension)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  const merge = (userId: string, raw: string, options: { key?: string; contentType?: string } = {}) =>
    t.request('PATCH', `/v1/users/${userId}/prefs`, {
      raw,
      contentType: options.contentType ?? MERGE,
      key: options.key,
    });
  const replace = (userId: string, prefs: unknown) =>
    t.request('PATCH', `/v1/users/${userId}/prefs`, { body: { prefs } });
  const prefsOf = async (userId: string) => (await t.request('GET', `/v1/users/${userId}/prefs`)).body;

  it('merges nested objects, deletes keys set to null, replaces arrays, and answers the new prefs', async () => {
    const user = await t.createUser({});
    await replace(user.$id, {
      theme: 'dark',
      lang: 'en',
      ui: { density: 'compact', panels: { left: true } },
      tags: [1, 2],
    });
    const res = await merge(
      user.$id,
      JSON.stringify({
        lang: null,
        ui: { panels: { right: false }, density: null },
        tags: [3],
        extra: { a: 1 },
      }),
    );
    const expected = {
      theme: 'dark',
      ui: { panels: { left: true, right: false } },
      tags: [3],
      extra: { a: 1 },
    };
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expected);
    expect(await prefsOf(user.$id)).toEqual(expected);
    const model = (await t.request('GET', `/v1/users/${user.$id}`)).body;
    expect(model.prefs).toEqual(expected);
    expect(model.$updatedAt >= user.$updatedAt).toBe(true);
  });

  it('accepts a charset parameter and any case in the media type', async () => {
    const user = await t.createUser({});
    const res = await merge(user.$id, '{"a":1}', {
      contentType: 'Application/Merge-Patch+JSON; charset=utf-8',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ a: 1 });
  });

  it('keeps Appwrite’s replace for application/json', async () => {
    const user = await t.createUser({});
    await merge(user.$id, '{"a":1,"b":{"c":2}}');
    const res = await replace(user.$id, { b: { d: 3 } });
    expect(res.body).toEqual({ b: { d: 3 } });
    expect(await prefsOf(user.$id)).toEqual({ b: { d: 3 } });
  });

  it.each([['[1,2]'], ['[]'], ['"text"'], ['12'], ['null'], ['true']])(
    'refuses the non-object patch %s with 400 and changes nothing',
    async (raw) => {
      const user = await t.createUser({});
      await replace(user.$id, { keep: true });
      expectAppwriteError(
        await merge(user.$id, raw),
        400,
        'general_argument_invalid',
        'Invalid merge patch: the body must be a JSON object.',
      );
      expect(await prefsOf(user.$id)).toEqual({ keep: true });
    },
  );

  it('refuses an empty body and a body that is not JSON', async () => {
    const user = await t.createUser({});
    for (const raw of ['', '{"a":']) {
      const res = await merge(user.$id, raw);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body)).toEqual(['message', 'code', 'type', 'version']);
    }
  });

  it('applies the 64 kB limit to the merged result, not to the patch', async () => {
    const user = await t.createUser({});
    const big = 'x'.repeat(65_535 - 20);
    expect((await merge(user.$id, JSON.stringify({ big }))).status).toBe(200);
    expectAppwriteError(
      await merge(user.$id, JSON.stringify({ more: 'y'.repeat(30) })),
      400,
      'general_argument_invalid',
      /^Invalid merge patch: the resulting prefs must be a JSON object of at most 65535 characters/,
    );
    expect(Object.keys(await prefsOf(user.$id))).toEqual(['big']);
    const res = await merge(user.$id, JSON.stringify({ big: null, more: 'y'.repeat(30) }));
    expect(res.body).toEqual({ more: 'y'.repeat(30) });
  });

  it('drops prototype-poisoning keys, as JSON bodies do', async () => {
    const user = await t.createUser({});
    const res = await merge(
      user.$id,
      '{"__proto__":{"polluted":true},"a":{"constructor":{"prototype":{"x":1}}},"b":1}',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ a: {}, b: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('loses no key when merges race on one user (optimistic versioning)', async () => {
    const user = await t.createUser({});
    const keys = Array.from({ length: 8 }, (_, i) => `k${i}`);
    const results = await Promise.all(
      keys.map((key) => merge(user.$id, JSON.stringify({ [key]: { set: true } }))),
    );
    expect(results.map((r) => r.status)).toEqual(keys.map(() => 200));
    expect(await prefsOf(user.$id)).toEqual(Object.fromEntries(keys.map((key) => [key, { set: true }])));
    const [events] = await t.db.query<any[]>(
      "SELECT COUNT(*) AS n FROM events WHERE stream_id = ? AND type = 'user.prefs.updated'",
      [user.$id],
    );
    expect(Number(events[0].n)).toBe(keys.length);
  });

  it('answers 404 for an unknown user', async () => {
    expectAppwriteError(await merge('nobody', '{"a":1}'), 404, 'user_not_found');
  });

  it('needs users.write', async () => {
    const user = await t.createUser({});
    const secret = `standard_${randomUUID().replace(/-/g, '')}`;
    await t.db.execute(
      'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [randomUUID(), 'read-only', hashApiKeySecret(secret), JSON.stringify(['users.read']), null, new Date()],
    );
    expectAppwriteError(await merge(user.$id, '{"a":1}', { key: secret }), 401, 'general_unauthorized_scope');
  });

  it('is documented in the OpenAPI document beside the JSON body', async () => {
    const doc = (await t.request('GET', '/docs-json', { key: null, project: null })).body;
    const op = doc.paths['/v1/users/{userId}/prefs'].patch;
    expect(Object.keys(op.requestBody.content).sort()).toEqual(['application/json', MERGE]);
    expect(op.requestBody.content[MERGE].schema).toMatchObject({ type: 'object' });
    expect(op.description).toMatch(/Extension/);
    expect(op['x-request-content']).toBeUndefined();
  });
});
