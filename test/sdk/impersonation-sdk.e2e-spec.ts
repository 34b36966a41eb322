import { Account, AppwriteException, Client, ID, Users } from 'node-appwrite';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

/** node-appwrite 27's `Users.updateImpersonator` and the Client's impersonation setters. */
describe('node-appwrite 27 impersonation', () => {
  let t: TestApp;
  let users: Users;
  const client = () => new Client().setEndpoint(`${t.url}/v1`).setProject(PROJECT);

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
    t = await TestApp.start({}, { worker: true });
    users = new Users(client().setKey(BOOTSTRAP_KEY));
  });
  afterAll(async () => {
    await t.stop();
  });

  it('updateImpersonator grants and revokes; setImpersonateUserId/Email/Phone act as the target', async () => {
    const support = await users.create({ userId: ID.unique(), email: 'sdk-support@example.com' });
    const target = await users.create({
      userId: ID.unique(),
      email: 'sdk-ticket@example.com',
      phone: '+14155550177',
      name: 'Ticket',
    });
    const { secret } = await users.createSession({ userId: support.$id });

    // Not an impersonator yet: the headers are ignored, as in Appwrite.
    const ignored = await new Account(client().setSession(secret).setImpersonateUserId(target.$id)).get();
    expect(ignored).toMatchObject({ $id: support.$id, impersonatorUserId: null });

    const granted = await users.updateImpersonator({ userId: support.$id, impersonator: true });
    expect(granted).toMatchObject({ $id: support.$id, impersonator: true });

    const byId = new Account(client().setSession(secret).setImpersonateUserId(target.$id));
    expect(await byId.get()).toMatchObject({ $id: target.$id, impersonatorUserId: support.$id });
    const byEmail = new Account(
      client().setSession(secret).setImpersonateUserEmail('sdk-ticket@example.com'),
    );
    expect((await byEmail.get()).$id).toBe(target.$id);
    const byPhone = new Account(client().setSession(secret).setImpersonateUserPhone('+14155550177'));
    expect((await byPhone.get()).$id).toBe(target.$id);

    // A change made as the target records the impersonator too.
    const renamed = await byId.updateName({ name: 'Fixed by support' });
    expect(renamed).toMatchObject({ $id: target.$id, name: 'Fixed by support' });
    const log = await t.eventually(async () => {
      const logs = await users.listLogs({ userId: target.$id });
      return logs.logs.find((l) => l.event === `users.${target.$id}.update.name`);
    });
    expect((log as unknown as { impersonatorId: string }).impersonatorId).toBe(support.$id);

    // An unknown target: the request acts as the impersonator itself.
    const unknown = new Account(client().setSession(secret).setImpersonateUserId('nobody'));
    expect((await unknown.get()).$id).toBe(support.$id);

    // A blocked target is refused.
    await users.updateStatus({ userId: target.$id, status: false });
    await rejection(byId.get(), 403, 'user_blocked');
    await users.updateStatus({ userId: target.$id, status: true });
    expect((await byId.get()).$id).toBe(target.$id);

    // Revoked: the same client acts as the support user again at once.
    const revoked = await users.updateImpersonator({ userId: support.$id, impersonator: false });
    expect(revoked.impersonator).toBe(false);
    expect(await byId.get()).toMatchObject({ $id: support.$id, impersonatorUserId: null });
  });

  it('updateImpersonator on an unknown user is user_not_found', async () => {
    await rejection(
      users.updateImpersonator({ userId: 'nobody', impersonator: true }),
      404,
      'user_not_found',
    );
  });
});
