import { Account, AppwriteException, Client, ID, Query, Users } from 'node-appwrite';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

/** node-appwrite 27.1.0's `Account` service, as a signed-in user (`Client.setSession`), against the service. */
describe('node-appwrite 27.1.0 Account service', () => {
  let t: TestApp;
  let users: Users;

  async function rejection(call: Promise<unknown>, code: number, type: string): Promise<AppwriteException> {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppwriteException);
    const exception = error as AppwriteException;
    expect({ code: exception.code, type: exception.type }).toEqual({ code, type });
    return exception;
  }

  /** A user with two server-made sessions, and an `Account` for each. */
  async function userWithTwoSessions(email: string, password = 'password123') {
    const user = await users.create({ userId: ID.unique(), email, password, name: 'Ada' });
    const account = async () => {
      const { secret } = await users.createSession({ userId: user.$id });
      return new Account(new Client().setEndpoint(`${t.url}/v1`).setProject(PROJECT).setSession(secret));
    };
    return { user, first: await account(), second: await account() };
  }

  beforeAll(async () => {
    t = await TestApp.start({}, { worker: true });
    users = new Users(new Client().setEndpoint(`${t.url}/v1`).setProject(PROJECT).setKey(BOOTSTRAP_KEY));
  });
  afterAll(async () => {
    await t.stop();
  });

  it('get, listSessions, getSession("current") and getSession(id)', async () => {
    const { user, first, second } = await userWithTwoSessions('sdk-sessions@account.test');
    const me = await second.get();
    expect(me.$id).toBe(user.$id);
    expect(me).not.toHaveProperty('password');
    const list = await second.listSessions();
    expect(list.total).toBe(2);
    expect(list.sessions.map((s) => s.current)).toEqual([false, true]);
    const current = await second.getSession({ sessionId: 'current' });
    expect(current).toMatchObject({ $id: list.sessions[1].$id, current: true, userId: user.$id, secret: '' });
    expect((await second.getSession({ sessionId: list.sessions[0].$id })).current).toBe(false);
    expect((await first.getSession({ sessionId: 'current' })).$id).toBe(list.sessions[0].$id);
  });

  it("refuses another user's session with 404 user_session_not_found, and a client without one with 401", async () => {
    const a = await userWithTwoSessions('sdk-a@account.test');
    const b = await userWithTwoSessions('sdk-b@account.test');
    const bId = (await b.first.getSession({ sessionId: 'current' })).$id;
    await rejection(a.first.getSession({ sessionId: bId }), 404, 'user_session_not_found');
    await rejection(a.first.deleteSession({ sessionId: bId }), 404, 'user_session_not_found');
    const guest = new Account(new Client().setEndpoint(`${t.url}/v1`).setProject(PROJECT));
    await rejection(guest.get(), 401, 'general_unauthorized_scope');
    await rejection(guest.listSessions(), 401, 'general_unauthorized_scope');
  });

  it('updateSession extends, deleteSession ends one session, deleteSessions all of them', async () => {
    const { first, second } = await userWithTwoSessions('sdk-delete@account.test');
    const before = await second.getSession({ sessionId: 'current' });
    const extended = await second.updateSession({ sessionId: 'current' });
    expect(Date.parse(extended.expire)).toBeGreaterThanOrEqual(Date.parse(before.expire));
    const firstId = (await first.getSession({ sessionId: 'current' })).$id;
    await expect(second.deleteSession({ sessionId: firstId })).resolves.toEqual({ message: '' });
    await rejection(first.get(), 401, 'general_unauthorized_scope');
    expect((await second.listSessions()).total).toBe(1);
    await expect(second.deleteSessions()).resolves.toEqual({ message: '' });
    await rejection(second.get(), 401, 'general_unauthorized_scope');
  });

  it('getPrefs, updatePrefs and updateName answer as Appwrite does', async () => {
    const { user, second } = await userWithTwoSessions('sdk-prefs@account.test');
    expect(await second.getPrefs()).toEqual({});
    const updated = await second.updatePrefs({ prefs: { theme: 'dark' } });
    expect(updated.prefs).toEqual({ theme: 'dark' });
    expect(await second.getPrefs()).toEqual({ theme: 'dark' });
    expect((await users.getPrefs({ userId: user.$id })) as object).toEqual({ theme: 'dark' });
    const renamed = await second.updateName({ name: 'Ada Lovelace' });
    expect(renamed.name).toBe('Ada Lovelace');
    await rejection(second.updateName({ name: '' }), 400, 'general_argument_invalid');
  });

  it('updatePassword checks oldPassword and keeps only the current session', async () => {
    const { first, second } = await userWithTwoSessions('sdk-password@account.test', 'old password 1');
    await rejection(
      second.updatePassword({ password: 'new password 1', oldPassword: 'wrong one' }),
      401,
      'user_invalid_credentials',
    );
    const changed = await second.updatePassword({
      password: 'new password 1',
      oldPassword: 'old password 1',
    });
    expect(changed.passwordUpdate).not.toBe('');
    await rejection(first.get(), 401, 'general_unauthorized_scope');
    expect((await second.listSessions()).sessions.map((s) => s.current)).toEqual([true]);
  });

  it('listLogs pages its own log with Query.limit and Query.offset', async () => {
    const { user, second } = await userWithTwoSessions('sdk-logs@account.test');
    // Written by the activity-log worker: the three entries (create, two sessions) come shortly.
    const logs = await t.eventually(
      async () => {
        const listed = await second.listLogs();
        return listed.total >= 3 && listed;
      },
      20_000,
      'three log entries',
    );
    expect(logs.total).toBe(3);
    expect(logs.logs.map((l) => l.event)).toContain(`users.${user.$id}.create`);
    const page = await second.listLogs({ queries: [Query.limit(1), Query.offset(2)] });
    expect(page.logs.map((l) => l.event)).toEqual([`users.${user.$id}.create`]);
    expect((await second.listLogs({ total: false })).total).toBe(0);
  });
});
