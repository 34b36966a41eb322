import { expectAppwriteError, TestApp } from '../support/test-app';

/** Request forms of Appwrite 0.x clients, which 1.x replaced; 1.x forms are covered by the other suites. */
describe('Appwrite 0.x request forms', () => {
  let t: TestApp;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await TestApp.start({}, { worker: true });
    for (const name of ['u0', 'u1', 'u2', 'u3', 'u4']) {
      ids.push((await t.createUser({ userId: `zx-${name}`, name: `Zx ${name}` })).$id);
    }
  });
  afterAll(async () => {
    await t.stop();
  });

  const userIds = async (query: string) => {
    const res = await t.request('GET', `/v1/users?${query}`);
    expect({ status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({
      status: 200,
      text: '',
    });
    return {
      total: res.body.total as number,
      ids: (res.body.users as Array<{ $id: string }>).map((u) => u.$id),
    };
  };
  const zx = 'queries[0]=' + encodeURIComponent('startsWith("$id", "zx-")');

  describe('POST /v1/users without userId', () => {
    it('creates the user with an id like ID.unique(): 13 hex of the time, then 7 random hex', async () => {
      const before = Math.floor(Date.now() / 1000);
      const res = await t.request('POST', '/v1/users', {
        body: { email: 'old-client@example.com', password: 'password123', name: 'Old' },
      });
      expect(res.status).toBe(201);
      expect(res.body.$id).toMatch(/^[0-9a-f]{20}$/);
      const seconds = parseInt(res.body.$id.slice(0, 8), 16);
      expect(seconds).toBeGreaterThanOrEqual(before);
      expect(seconds).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      expect(res.body).toMatchObject({ email: 'old-client@example.com', name: 'Old' });
      const other = await t.request('POST', '/v1/users', { body: { userId: null } });
      expect(other.status).toBe(201);
      expect(other.body.$id).toMatch(/^[0-9a-f]{20}$/);
      expect(other.body.$id).not.toBe(res.body.$id);
    });
  });

  describe('limit, offset, cursor and orderType on GET /v1/users', () => {
    it('pages with limit and offset', async () => {
      expect(await userIds(`${zx}&limit=2&offset=1`)).toEqual({ total: 5, ids: ids.slice(1, 3) });
      expect((await userIds(`${zx}&limit=2`)).ids).toEqual(ids.slice(0, 2));
    });

    it('orders by creation with orderType', async () => {
      expect((await userIds(`${zx}&orderType=DESC`)).ids).toEqual([...ids].reverse());
      expect((await userIds(`${zx}&orderType=ASC&limit=1&offset=4`)).ids).toEqual([ids[4]]);
    });

    it('pages from a cursor in either direction', async () => {
      expect((await userIds(`${zx}&cursor=${ids[1]}&limit=2`)).ids).toEqual(ids.slice(2, 4));
      expect((await userIds(`${zx}&cursor=${ids[3]}&cursorDirection=before&limit=2`)).ids).toEqual(
        ids.slice(1, 3),
      );
      expectAppwriteError(await t.request('GET', `/v1/users?cursor=nobody`), 400, 'general_cursor_not_found');
    });

    it('lets a query of the same kind win over the param', async () => {
      const limitOne = 'queries[1]=' + encodeURIComponent('limit(1)');
      expect((await userIds(`${zx}&${limitOne}&limit=3`)).ids).toEqual([ids[0]]);
      const byNameDesc = 'queries[1]=' + encodeURIComponent('orderDesc("name")');
      expect((await userIds(`${zx}&${byNameDesc}&orderType=ASC`)).ids).toEqual([...ids].reverse());
    });

    it.each([
      ['limit=abc', /^Invalid `limit` param/],
      ['limit=0', /^Invalid `limit` param/],
      ['offset=-1', /^Invalid `offset` param/],
      ['orderType=down', /^Invalid `orderType` param/],
      ['cursor=x&cursorDirection=up', /^Invalid `cursorDirection` param/],
    ])('refuses %s with 400', async (query, message) => {
      expectAppwriteError(
        await t.request('GET', `/v1/users?${query}`),
        400,
        'general_argument_invalid',
        message,
      );
    });
  });

  describe('the other lists', () => {
    it('pages identities', async () => {
      const linked: string[] = [];
      for (const uid of ['1', '2', '3']) {
        const res = await t.request('POST', `/v1/users/${ids[0]}/identities`, {
          body: { provider: 'github', providerUid: `zx${uid}` },
        });
        linked.push(res.body.$id);
      }
      const list = async (query: string) =>
        (await t.request('GET', `/v1/users/identities?${query}`)).body.identities.map(
          (i: { $id: string }) => i.$id,
        );
      expect(await list('limit=1&offset=1')).toEqual([linked[1]]);
      expect(await list('orderType=DESC&limit=2')).toEqual([linked[2], linked[1]]);
      expect(await list(`cursor=${linked[0]}`)).toEqual(linked.slice(1));
    });

    it('pages sessions; total still counts them all', async () => {
      const made: string[] = [];
      for (let i = 0; i < 3; i++)
        made.push((await t.request('POST', `/v1/users/${ids[1]}/sessions`)).body.$id);
      const list = async (query: string) => {
        const res = await t.request('GET', `/v1/users/${ids[1]}/sessions?${query}`);
        return { total: res.body.total, ids: res.body.sessions.map((s: { $id: string }) => s.$id) };
      };
      expect(await list('')).toEqual({ total: 3, ids: made });
      expect(await list('limit=1&offset=1')).toEqual({ total: 3, ids: [made[1]] });
      expect(await list('orderType=DESC&limit=2')).toEqual({ total: 3, ids: [made[2], made[1]] });
      expectAppwriteError(
        await t.request('GET', `/v1/users/${ids[1]}/sessions?limit=x`),
        400,
        'general_argument_invalid',
      );
    });

    it('pages logs (limit and offset, as 0.x had)', async () => {
      const user = ids[2];
      for (const name of ['a', 'b', 'c'])
        await t.request('PATCH', `/v1/users/${user}/name`, { body: { name } });
      await t.eventually(async () => (await t.request('GET', `/v1/users/${user}/logs`)).body.total === 4);
      const withQueries = await t.request(
        'GET',
        `/v1/users/${user}/logs?queries[0]=${encodeURIComponent('limit(2)')}&queries[1]=${encodeURIComponent('offset(1)')}`,
      );
      const res = await t.request('GET', `/v1/users/${user}/logs?limit=2&offset=1`);
      expect(res.body.total).toBe(4);
      expect(res.body.logs).toHaveLength(2);
      expect(res.body).toEqual(withQueries.body);
      expect((await t.request('GET', `/v1/users/${user}/logs?limit=1`)).body.logs).toHaveLength(1);
    });

    it('validates the params on memberships (always empty here)', async () => {
      const ok = await t.request('GET', `/v1/users/${ids[0]}/memberships?limit=2&offset=1&orderType=DESC`);
      expect(ok.body).toEqual({ total: 0, memberships: [] });
      expectAppwriteError(
        await t.request('GET', `/v1/users/${ids[0]}/memberships?limit=x`),
        400,
        'general_argument_invalid',
      );
    });
  });

  describe('PATCH /v1/users/{id}/status with 0.x integers', () => {
    const status = (id: string, value: unknown) =>
      t.request('PATCH', `/v1/users/${id}/status`, { body: { status: value } });

    it('blocks with 2 and unblocks with 1', async () => {
      const user = await t.createUser({});
      expect((await status(user.$id, 2)).body.status).toBe(false);
      expect((await status(user.$id, 1)).body.status).toBe(true);
      expect((await status(user.$id, '2')).body.status).toBe(false);
      expect((await t.request('GET', `/v1/users/${user.$id}`)).body.status).toBe(false);
    });

    it('keeps 0 as Appwrite 1.x reads it (false: blocked), never as an unblock', async () => {
      const user = await t.createUser({});
      expect((await status(user.$id, 0)).body.status).toBe(false);
    });

    it('refuses other integers', async () => {
      const user = await t.createUser({});
      expectAppwriteError(
        await status(user.$id, 3),
        400,
        'general_argument_invalid',
        /^Invalid `status` param/,
      );
    });
  });

  describe('prefs as a JSON string', () => {
    it('parses it and replaces the prefs', async () => {
      const user = await t.createUser({});
      const res = await t.request('PATCH', `/v1/users/${user.$id}/prefs`, {
        body: { prefs: JSON.stringify({ theme: 'dark', nested: { a: [1] } }) },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ theme: 'dark', nested: { a: [1] } });
      expect((await t.request('GET', `/v1/users/${user.$id}/prefs`)).body).toEqual(res.body);
    });

    it.each(['not json', '[1]', '"x"', '{"__proto__":{"a":1}}'])('handles %j as 0.x would', async (prefs) => {
      const user = await t.createUser({});
      const res = await t.request('PATCH', `/v1/users/${user.$id}/prefs`, { body: { prefs } });
      if (prefs.startsWith('{')) {
        expect(res.body).toEqual({});
      } else {
        expectAppwriteError(res, 400, 'general_argument_invalid', /^Invalid `prefs` param/);
      }
    });
  });
});
