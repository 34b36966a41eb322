import { AppwriteException, Client, Models, Query, Users } from 'node-appwrite';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

/** node-appwrite 27.1.0's identities and memberships calls against the running service. */
describe('node-appwrite 27.1.0 identities and memberships', () => {
  let t: TestApp;
  let users: Users;
  let userId: string;
  const identityIds: string[] = [];

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

  beforeAll(async () => {
    t = await TestApp.start();
    users = new Users(new Client().setEndpoint(`${t.url}/v1`).setProject(PROJECT).setKey(BOOTSTRAP_KEY));
    userId = (await users.create({ userId: 'sdk-ada', email: 'ada@sdk.test' })).$id;
    // The SDK has no call to link an identity (Appwrite makes them at OAuth2 login): use the extension route.
    for (const [provider, providerUid, providerEmail] of [
      ['github', '1001', 'ada@github.example'],
      ['gitlab', 'ada.l', ''],
      ['google', '42', 'ada@gmail.example'],
    ]) {
      const res = await t.request('POST', `/v1/users/${userId}/identities`, {
        body: { provider, providerUid, providerEmail, providerAccessToken: `token-${provider}` },
      });
      identityIds.push(res.body.$id);
    }
  });
  afterAll(async () => {
    await t.stop();
  });

  it('lists identities as Models.IdentityList, with queries, search and total', async () => {
    const all: Models.IdentityList = await users.listIdentities();
    expect(all.total).toBe(3);
    expect(all.identities.map((i) => i.$id)).toEqual(identityIds);
    expect(all.identities[0]).toMatchObject({
      userId,
      provider: 'github',
      providerUid: '1001',
      providerEmail: 'ada@github.example',
      providerAccessToken: 'token-github',
      providerAccessTokenExpiry: '',
      providerRefreshToken: '',
    });

    const page = await users.listIdentities({
      queries: [Query.equal('userId', [userId]), Query.orderDesc('$sequence'), Query.limit(1)],
    });
    expect({ total: page.total, ids: page.identities.map((i) => i.$id) }).toEqual({
      total: 3,
      ids: [identityIds[2]],
    });
    const next = await users.listIdentities({
      queries: [Query.orderDesc('$sequence'), Query.cursorAfter(identityIds[2])],
      total: false,
    });
    expect({ total: next.total, ids: next.identities.map((i) => i.$id) }).toEqual({
      total: 0,
      ids: [identityIds[1], identityIds[0]],
    });
    const found = await users.listIdentities({ search: 'gmail' });
    expect(found.identities.map((i) => i.provider)).toEqual(['google']);
    const deprecated = await users.listIdentities([Query.equal('provider', ['gitlab'])], 'ada');
    expect(deprecated.identities.map((i) => i.$id)).toEqual([identityIds[1]]);
  });

  it('reports query and cursor errors as AppwriteExceptions', async () => {
    await rejection(
      users.listIdentities({ queries: [Query.select(['provider'])] }),
      400,
      'general_argument_invalid',
    );
    const cursor = await rejection(
      users.listIdentities({ queries: [Query.cursorAfter('missing')] }),
      400,
      'general_cursor_not_found',
    );
    expect(cursor.message).toBe("User 'missing' for the 'cursor' value not found.");
  });

  it('deletes an identity (a 204 without a JSON content type), then answers 404', async () => {
    expect(await users.deleteIdentity({ identityId: identityIds[1] })).toEqual({ message: '' });
    expect((await users.listIdentities()).total).toBe(2);
    await rejection(users.deleteIdentity({ identityId: identityIds[1] }), 404, 'user_identity_not_found');
    expect(await users.deleteIdentity(identityIds[0])).toEqual({ message: '' });
  });

  it('lists memberships as an empty Models.MembershipList and validates the call', async () => {
    const list: Models.MembershipList = await users.listMemberships({
      userId,
      queries: [Query.equal('teamId', ['t1']), Query.contains('roles', ['owner']), Query.limit(5)],
      search: 'team',
      total: true,
    });
    expect(list).toEqual({ total: 0, memberships: [] });
    await rejection(users.listMemberships({ userId: 'nobody' }), 404, 'user_not_found');
    await rejection(
      users.listMemberships({ userId, queries: [Query.equal('roles', ['owner'])] }),
      400,
      'general_argument_invalid',
    );
  });
});
