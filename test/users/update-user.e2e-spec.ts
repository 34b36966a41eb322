import { expectAppwriteError, TestApp } from '../support/test-app';

describe('user updates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  const patch = (id: string, path: string, body: unknown) =>
    t.request('PATCH', `/v1/users/${id}/${path}`, { body });

  it.each([
    ['name', { name: 'Grace Hopper' }, { name: 'Grace Hopper' }],
    ['name', { name: '' }, { name: '' }],
    ['status', { status: false }, { status: false }],
    ['status', { status: 'true' }, { status: true }],
    ['status', { status: 0 }, { status: false }],
    ['verification', { emailVerification: true }, { emailVerification: true }],
    ['verification/phone', { phoneVerification: true }, { phoneVerification: true }],
  ])('PATCH %s %j', async (path, body, expected) => {
    const user = await t.createUser({ name: 'Before' });
    const res = await patch(user.$id, path, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ $id: user.$id, ...expected });
    expect(res.body.$updatedAt >= user.$updatedAt).toBe(true);
    expect((await t.request('GET', `/v1/users/${user.$id}`)).body).toMatchObject(expected);
  });

  it.each([
    ['name', {}, 'Param "name" is not optional.'],
    ['name', { name: 'x'.repeat(129) }, /^Invalid `name` param/],
    ['status', { status: 'maybe' }, /^Invalid `status` param/],
    ['verification', { emailVerification: 'true' }, /^Invalid `emailVerification` param/],
    ['verification/phone', { phoneVerification: 1 }, /^Invalid `phoneVerification` param/],
    ['email', { email: 'nope' }, /^Invalid `email` param/],
    ['phone', { number: '+0123' }, /^Invalid `number` param/],
    ['phone', { phone: '+14155550100' }, 'Param "number" is not optional.'],
    ['password', { password: 'short' }, /^Invalid `password` param/],
    ['prefs', { prefs: [1, 2] }, /^Invalid `prefs` param/],
    ['prefs', { prefs: 'x' }, /^Invalid `prefs` param/],
  ])('PATCH %s refuses %j', async (path, body, message) => {
    const user = await t.createUser({});
    expectAppwriteError(await patch(user.$id, path, body), 400, 'general_argument_invalid', message);
  });

  it.each(['name', 'email', 'phone', 'password', 'status', 'verification', 'verification/phone', 'prefs'])(
    'PATCH %s of an unknown user is 404 user_not_found',
    async (path) => {
      const body = {
        name: 'x',
        email: 'x@example.com',
        number: '+14155550999',
        password: 'password1',
        status: true,
        emailVerification: true,
        phoneVerification: true,
        prefs: {},
      };
      expectAppwriteError(await patch('nobody', path, body), 404, 'user_not_found');
    },
  );

  it('changes the email, lower-cases it and resets email verification', async () => {
    const user = await t.createUser({ email: 'first@example.com' });
    await patch(user.$id, 'verification', { emailVerification: true });
    const res = await patch(user.$id, 'email', { email: 'Second@Example.com' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'second@example.com', emailVerification: false });
    // The old address is free for someone else now.
    expect(
      (await t.request('POST', '/v1/users', { body: { userId: 'unique()', email: 'first@example.com' } }))
        .status,
    ).toBe(201);
  });

  it("refuses another user's email with 409 user_target_already_exists (Appwrite 1.9.5) and changes nothing", async () => {
    await t.createUser({ email: 'owner@example.com' });
    const user = await t.createUser({ email: 'mine@example.com' });
    expectAppwriteError(
      await patch(user.$id, 'email', { email: 'OWNER@example.com' }),
      409,
      'user_target_already_exists',
    );
    expect((await t.request('GET', `/v1/users/${user.$id}`)).body.email).toBe('mine@example.com');
  });

  it('removes the email with "" and lets two users have none', async () => {
    const a = await t.createUser({ email: 'a-clear@example.com' });
    const b = await t.createUser({ email: 'b-clear@example.com' });
    expect((await patch(a.$id, 'email', { email: '' })).body.email).toBe('');
    expect((await patch(b.$id, 'email', { email: '' })).body.email).toBe('');
  });

  it('re-submitting the current email is accepted and changes nothing', async () => {
    const user = await t.createUser({ email: 'same@example.com' });
    const res = await patch(user.$id, 'email', { email: 'same@example.com' });
    expect(res.status).toBe(200);
    expect(res.body.$updatedAt).toBe(user.$updatedAt);
  });

  it('changes the phone, resets phone verification, and refuses a taken number', async () => {
    await t.createUser({ phone: '+14155550001' });
    const user = await t.createUser({ phone: '+14155550002' });
    await patch(user.$id, 'verification/phone', { phoneVerification: true });
    const res = await patch(user.$id, 'phone', { number: '+14155550003' });
    expect(res.body).toMatchObject({ phone: '+14155550003', phoneVerification: false });
    expectAppwriteError(
      await patch(user.$id, 'phone', { number: '+14155550001' }),
      409,
      'user_target_already_exists',
    );
    expect((await patch(user.$id, 'phone', { number: '' })).body.phone).toBe('');
  });

  it('sets the password as an argon2id hash, and "" removes it', async () => {
    const user = await t.createUser({});
    expect(user.password).toBeNull();
    const res = await patch(user.$id, 'password', { password: 'a new password' });
    expect(res.status).toBe(200);
    expect(res.body.password).toMatch(/^\$argon2id\$/);
    expect(res.body.passwordUpdate).not.toBe('');
    const cleared = await patch(user.$id, 'password', { password: '' });
    expect(cleared.body.password).toBeNull();
  });

  it('replaces labels, de-duplicating them, and refuses invalid ones', async () => {
    const user = await t.createUser({});
    const res = await t.request('PUT', `/v1/users/${user.$id}/labels`, {
      body: { labels: ['vip', 'beta', 'vip'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.labels).toEqual(['vip', 'beta']);
    const replaced = await t.request('PUT', `/v1/users/${user.$id}/labels`, { body: { labels: [] } });
    expect(replaced.body.labels).toEqual([]);
    for (const labels of [['has-dash'], ['x'.repeat(37)], 'vip', Array(1001).fill('a')]) {
      const bad = await t.request('PUT', `/v1/users/${user.$id}/labels`, { body: { labels } });
      expectAppwriteError(bad, 400, 'general_argument_invalid', /^Invalid `labels` param/);
    }
    expectAppwriteError(
      await t.request('PUT', '/v1/users/nobody/labels', { body: { labels: [] } }),
      404,
      'user_not_found',
    );
  });

  it('replaces prefs and answers the prefs object itself', async () => {
    const user = await t.createUser({});
    expect((await t.request('GET', `/v1/users/${user.$id}/prefs`)).body).toEqual({});
    const res = await patch(user.$id, 'prefs', { prefs: { theme: 'dark', nested: { a: [1, 2] } } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ theme: 'dark', nested: { a: [1, 2] } });
    await patch(user.$id, 'prefs', { prefs: { lang: 'fr' } });
    expect((await t.request('GET', `/v1/users/${user.$id}/prefs`)).body).toEqual({ lang: 'fr' });
    expect((await patch(user.$id, 'prefs', { prefs: [] })).body).toEqual({});
    expect((await t.request('GET', `/v1/users/${user.$id}`)).body.prefs).toEqual({});
    expectAppwriteError(await t.request('GET', '/v1/users/nobody/prefs'), 404, 'user_not_found');
  });

  it('refuses prefs larger than 65535 characters', async () => {
    const user = await t.createUser({});
    const res = await patch(user.$id, 'prefs', { prefs: { big: 'x'.repeat(70000) } });
    expectAppwriteError(res, 400, 'general_argument_invalid');
  });

  it('serialises concurrent updates of one user through retries: every one lands', async () => {
    const user = await t.createUser({});
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => patch(user.$id, 'name', { name: `name-${i}` })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const [rows] = await t.db.query('SELECT COUNT(*) AS n FROM events WHERE stream_id = ? AND type = ?', [
      user.$id,
      'user.name.changed',
    ]);
    expect((rows as Array<{ n: number }>)[0].n).toBe(8);
  });
});

describe('GET and DELETE /v1/users/{userId}', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('gets a user, and 404 user_not_found for an unknown id', async () => {
    const user = await t.createUser({ name: 'Get Me' });
    const res = await t.request('GET', `/v1/users/${user.$id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(user);
    expectAppwriteError(await t.request('GET', '/v1/users/missing'), 404, 'user_not_found');
  });

  it('answers 400 for a malformed path id, not 404', async () => {
    expectAppwriteError(
      await t.request('GET', '/v1/users/_bad'),
      400,
      'general_argument_invalid',
      /^Invalid `userId` param/,
    );
    expectAppwriteError(
      await t.request('GET', `/v1/users/${'a'.repeat(37)}`),
      400,
      'general_argument_invalid',
    );
  });

  it('deletes with 204, no body and no content type; the user is gone', async () => {
    const user = await t.createUser({});
    const res = await t.request('DELETE', `/v1/users/${user.$id}`, { body: {} });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers.get('content-type')).toBeNull();
    expectAppwriteError(await t.request('GET', `/v1/users/${user.$id}`), 404, 'user_not_found');
    expectAppwriteError(
      await t.request('DELETE', `/v1/users/${user.$id}`, { body: {} }),
      404,
      'user_not_found',
    );
  });

  it('accepts a DELETE with an empty JSON body', async () => {
    const user = await t.createUser({});
    expect((await t.request('DELETE', `/v1/users/${user.$id}`, { raw: '' })).status).toBe(204);
  });

  it('keeps the deleted user’s history in the event store', async () => {
    const user = await t.createUser({ name: 'History' });
    await t.request('DELETE', `/v1/users/${user.$id}`, { body: {} });
    const [rows] = await t.db.query('SELECT type FROM events WHERE stream_id = ? ORDER BY version', [
      user.$id,
    ]);
    expect((rows as Array<{ type: string }>).map((r) => r.type)).toEqual(['user.created', 'user.deleted']);
  });
});
