import { AppwriteException, Client, ID, MessagingProviderType, Query, Users } from 'node-appwrite';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

/** node-appwrite 27's target calls, with their object parameters, against the running service. */
describe('node-appwrite 27 Users targets', () => {
  let t: TestApp;
  let users: Users;

  async function rejection(call: Promise<unknown>, code: number, type: string): Promise<void> {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppwriteException);
    expect({ code: (error as AppwriteException).code, type: (error as AppwriteException).type }).toEqual({
      code,
      type,
    });
  }

  beforeAll(async () => {
    t = await TestApp.start();
    users = new Users(new Client().setEndpoint(`${t.url}/v1`).setProject(PROJECT).setKey(BOOTSTRAP_KEY));
  });
  afterAll(async () => {
    await t.stop();
  });

  it('createTarget, listTargets, getTarget, updateTarget, deleteTarget', async () => {
    const user = await users.create({ userId: ID.unique(), email: 'sdk-target@example.com' });
    expect(user.targets.map((x) => x.providerType)).toEqual(['email']);

    const target = await users.createTarget({
      userId: user.$id,
      targetId: ID.unique(),
      providerType: MessagingProviderType.Push,
      identifier: 'sdk-token',
      name: 'Tablet',
    });
    expect(target).toMatchObject({
      userId: user.$id,
      providerType: 'push',
      identifier: 'sdk-token',
      name: 'Tablet',
    });
    expect(target.providerId).toBeNull();

    const listed = await users.listTargets({ userId: user.$id });
    expect(listed.total).toBe(2);
    expect(listed.targets.map((x) => x.$id)).toEqual([user.targets[0].$id, target.$id]);
    const pushOnly = await users.listTargets({
      userId: user.$id,
      queries: [Query.equal('providerType', ['push'])],
      total: false,
    });
    expect(pushOnly).toEqual({ total: 0, targets: [target] });

    expect(await users.getTarget({ userId: user.$id, targetId: target.$id })).toEqual(target);
    const updated = await users.updateTarget({
      userId: user.$id,
      targetId: target.$id,
      identifier: 'sdk-token-2',
    });
    expect(updated).toMatchObject({
      $id: target.$id,
      identifier: 'sdk-token-2',
      name: 'Tablet',
      expired: false,
    });

    // Positional form (deprecated in 27, still supported).
    await rejection(users.getTarget(user.$id, 'missing'), 404, 'user_target_not_found');
    await rejection(
      users.createTarget({
        userId: user.$id,
        targetId: ID.unique(),
        providerType: MessagingProviderType.Email,
        identifier: 'sdk-target@example.com',
      }),
      409,
      'user_target_already_exists',
    );
    await rejection(
      users.createTarget({
        userId: user.$id,
        targetId: ID.unique(),
        providerType: MessagingProviderType.Sms,
        identifier: '+14155550177',
        providerId: 'twilio',
      }),
      404,
      'provider_not_found',
    );

    await users.deleteTarget({ userId: user.$id, targetId: target.$id });
    expect((await users.listTargets({ userId: user.$id })).total).toBe(1);
  });
});
