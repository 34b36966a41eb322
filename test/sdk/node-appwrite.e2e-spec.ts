import { AppwriteException, Client, ID, Models, Query, Users } from 'node-appwrite';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

/** The official server SDK (27.x takes one object parameter per call) against the running service. */
describe('node-appwrite 27.1.0 Users service', () => {
  let t: TestApp;
  let users: Users;
  const sdk = (configure: (client: Client) => Client = (c) => c.setProject(PROJECT).setKey(BOOTSTRAP_KEY)) =>
    configure(new Client().setEndpoint(`${t.url}/v1`));

  /** Awaits a call that must throw an AppwriteException and checks what the SDK made of the answer. */
  async function rejection(call: Promise<unknown>, code: number, type: string): Promise<AppwriteException> {
    let error: unknown;
    try {
      await call;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppwriteException);
    const exception = error as AppwriteException;
    expect({ code: exception.code, type: exception.type }).toEqual({ code, type });
    expect(JSON.parse(exception.response)).toEqual({
      message: exception.message,
      code,
      type,
      version: '1.9.6',
    });
    return exception;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    users = new Users(sdk());
  });
  afterAll(async () => {
    await t.stop();
  });

  it('checks that this is the SDK version the test was written for', () => {
    expect(sdk().headers['x-sdk-version']).toBe('27.1.0');
  });

  it('creates a user with a client-side ID.unique() and gets the same model back', async () => {
    const created = await users.create({
      userId: ID.unique(),
      email: 'Grace@Example.com',
      phone: '+14155550142',
      password: 'a long enough password',
      name: 'Grace',
    });
    expect(created.$id).toMatch(/^[0-9a-f]{20}$/);
    expect(created).toMatchObject({
      name: 'Grace',
      email: 'grace@example.com',
      phone: '+14155550142',
      status: true,
    });
    expect(created).toMatchObject({
      labels: [],
      prefs: {},
      emailVerification: false,
      mfa: false,
      accessedAt: '',
    });
    expect(created.targets.map((x) => x.providerType)).toEqual(['email', 'sms']);
    expect(created.password).toMatch(/^\$argon2id\$/);
    expect(await users.get({ userId: created.$id })).toEqual(created);
  });

  describe('list', () => {
    const ids = ['sdk-a', 'sdk-b', 'sdk-c', 'sdk-d'];
    const idsOf = (page: Models.UserList<Models.Preferences>) => page.users.map((u) => u.$id);
    let all: string[];
    beforeAll(async () => {
      for (const userId of ids) {
        await users.create({ userId, email: `${userId}@list.test`, name: `List ${userId.slice(-1)}` });
      }
      all = idsOf(await users.list({ queries: [Query.limit(100)] }));
    });

    it('lists in creation order with the total of all users', async () => {
      const page = await users.list();
      expect(page.total).toBe(all.length);
      expect(all.slice(-4)).toEqual(ids);
      expect(idsOf(page)).toEqual(all.slice(0, 25));
    });

    it.each([
      ['Query.equal', [Query.equal('email', ['sdk-b@list.test', 'sdk-d@list.test'])], ['sdk-b', 'sdk-d'], 2],
      ['Query.equal with a scalar', [Query.equal('name', 'List c')], ['sdk-c'], 1],
      ['Query.startsWith', [Query.startsWith('$id', 'sdk-'), Query.limit(3)], ['sdk-a', 'sdk-b', 'sdk-c'], 4],
      [
        'Query.orderDesc + limit',
        [Query.orderDesc('$createdAt'), Query.limit(2)],
        ['sdk-d', 'sdk-c'],
        undefined,
      ],
      ['Query.cursorAfter', [Query.cursorAfter('sdk-b'), Query.limit(5)], ['sdk-c', 'sdk-d'], undefined],
      ['Query.cursorBefore', [Query.cursorBefore('sdk-b'), Query.limit(1)], ['sdk-a'], undefined],
      [
        'Query.or',
        [Query.or([Query.equal('$id', 'sdk-a'), Query.contains('email', 'c@list')])],
        ['sdk-a', 'sdk-c'],
        2,
      ],
    ])('%s', async (_label, queries, expected, total) => {
      const page = await users.list({ queries });
      expect({ total: page.total, ids: idsOf(page) }).toEqual({ total: total ?? all.length, ids: expected });
    });

    it('searches', async () => {
      const page = await users.list({ search: 'sdk-c' });
      expect({ total: page.total, ids: idsOf(page) }).toEqual({ total: 1, ids: ['sdk-c'] });
    });
    it('answers total 0 with total: false', async () => {
      const page = await users.list({ queries: [Query.limit(1)], total: false });
      expect({ total: page.total, ids: idsOf(page) }).toEqual({ total: 0, ids: all.slice(0, 1) });
    });

    it('throws general_cursor_not_found for an unknown cursor', async () => {
      const error = await rejection(
        users.list({ queries: [Query.cursorAfter('ghost')] }),
        400,
        'general_cursor_not_found',
      );
      expect(error.message).toBe("User 'ghost' for the 'cursor' value not found.");
    });
  });

  describe('updates', () => {
    const userId = 'sdk-update';
    beforeAll(async () => {
      await users.create({ userId, email: 'before@update.test', password: 'first password 1' });
    });

    it.each<[string, (u: Users) => Promise<Models.User<Models.Preferences>>, Record<string, unknown>]>([
      ['updateName', (u) => u.updateName({ userId, name: 'Renamed' }), { name: 'Renamed' }],
      [
        'updateEmail',
        (u) => u.updateEmail({ userId, email: 'After@Update.test' }),
        { email: 'after@update.test' },
      ],
      ['updatePhone', (u) => u.updatePhone({ userId, number: '+14155550199' }), { phone: '+14155550199' }],
      ['updateStatus', (u) => u.updateStatus({ userId, status: false }), { status: false }],
      [
        'updateEmailVerification',
        (u) => u.updateEmailVerification({ userId, emailVerification: true }),
        { emailVerification: true },
      ],
      [
        'updatePhoneVerification',
        (u) => u.updatePhoneVerification({ userId, phoneVerification: true }),
        { phoneVerification: true },
      ],
      [
        'updateLabels',
        (u) => u.updateLabels({ userId, labels: ['gold', 'beta', 'gold'] }),
        { labels: ['gold', 'beta'] },
      ],
    ])('%s returns the updated User, as get does', async (_label, call, expected) => {
      const updated = await call(users);
      expect(updated).toMatchObject({ $id: userId, ...expected });
      expect(await users.get({ userId })).toEqual(updated);
    });

    it('updatePassword stores a new hash and sets passwordUpdate', async () => {
      const before = await users.get({ userId });
      const updated = await users.updatePassword({ userId, password: 'second password 2' });
      expect(updated.password).toMatch(/^\$argon2id\$/);
      expect(updated.password).not.toBe(before.password);
      expect(Date.parse(updated.passwordUpdate)).toBeGreaterThanOrEqual(Date.parse(before.passwordUpdate));
      expect(updated.passwordUpdate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    });

    it('updatePrefs returns the prefs object itself, and getPrefs reads it back', async () => {
      expect(await users.getPrefs({ userId })).toEqual({});
      const prefs = { theme: 'dark', count: 3, nested: { list: [1, 'two'] } };
      expect(await users.updatePrefs({ userId, prefs })).toEqual(prefs);
      expect(await users.getPrefs({ userId })).toEqual(prefs);
      expect(await users.updatePrefs({ userId, prefs: {} })).toEqual({});
      expect((await users.get({ userId })).prefs).toEqual({});
    });

    it('delete resolves (a 204 without a JSON content type) and the user is gone', async () => {
      await users.create({ userId: 'sdk-doomed' });
      await expect(users.delete({ userId: 'sdk-doomed' })).resolves.toEqual({ message: '' });
      await rejection(users.get({ userId: 'sdk-doomed' }), 404, 'user_not_found');
    });
  });

  describe('errors', () => {
    beforeAll(async () => {
      await users.create({ userId: 'sdk-taken', email: 'taken@errors.test', phone: '+14155550777' });
      await users.create({ userId: 'sdk-other', email: 'other@errors.test' });
    });

    it.each<[string, () => Promise<unknown>, number, string]>([
      ['get of a missing user', () => users.get({ userId: 'nobody' }), 404, 'user_not_found'],
      [
        'updateName of a missing user',
        () => users.updateName({ userId: 'nobody', name: 'x' }),
        404,
        'user_not_found',
      ],
      ['a duplicate id', () => users.create({ userId: 'sdk-taken' }), 409, 'user_already_exists'],
      [
        'a duplicate email on create',
        () => users.create({ userId: ID.unique(), email: 'TAKEN@errors.test' }),
        409,
        'user_already_exists',
      ],
      [
        'updateEmail to another user’s email',
        () => users.updateEmail({ userId: 'sdk-other', email: 'taken@errors.test' }),
        409,
        'user_target_already_exists',
      ],
      [
        'updatePhone to another user’s number',
        () => users.updatePhone({ userId: 'sdk-other', number: '+14155550777' }),
        409,
        'user_target_already_exists',
      ],
      [
        'a duplicate phone on create',
        () => users.create({ userId: ID.unique(), phone: '+14155550777' }),
        409,
        'user_already_exists',
      ],
      [
        'an invalid email on create',
        () => users.create({ userId: ID.unique(), email: 'not-an-email' }),
        400,
        'general_argument_invalid',
      ],
      [
        'an invalid email on update',
        () => users.updateEmail({ userId: 'sdk-other', email: 'a@b@c' }),
        400,
        'general_argument_invalid',
      ],
      [
        'a bad query',
        () => users.list({ queries: [Query.equal('labels', ['x'])] }),
        400,
        'general_argument_invalid',
      ],
    ])('throws for %s', async (_label, call, code, type) => {
      await rejection(call(), code, type);
    });

    it.each<[string, (c: Client) => Client, number, string]>([
      [
        'a wrong project',
        (c) => c.setProject('no-such-project').setKey(BOOTSTRAP_KEY),
        404,
        'project_not_found',
      ],
      ['no key', (c) => c.setProject(PROJECT), 401, 'general_unauthorized_scope'],
      [
        'an unknown key',
        (c) => c.setProject(PROJECT).setKey('standard_0123456789abcdef'),
        401,
        'user_unauthorized',
      ],
    ])('throws for a client with %s', async (_label, configure, code, type) => {
      await rejection(new Users(sdk(configure)).get({ userId: 'sdk-taken' }), code, type);
    });
  });

  it('gives an SDK asking for response format 1.4.0 a User without targets and mfa', async () => {
    const client = sdk();
    // addHeader() lower-cases the name, so the SDK would send its own 1.9.5 as well; replace that header.
    client.headers['X-Appwrite-Response-Format'] = '1.4.0';
    const old = await new Users(client).create({ userId: 'sdk-old', email: 'old@format.test' });
    const current = await users.get({ userId: 'sdk-old' });
    expect(current).toHaveProperty('targets');
    expect(current).toHaveProperty('mfa');
    const { targets: _targets, mfa: _mfa, impersonator: _i, impersonatorUserId: _iu, ...rest } = current;
    expect(old).toEqual(rest);
    expect(await new Users(client).get({ userId: 'sdk-old' })).toEqual(rest);
  });
});
