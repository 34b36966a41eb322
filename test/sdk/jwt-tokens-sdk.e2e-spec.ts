import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Account, AppwriteException, Client, ID, Users } from 'node-appwrite';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

/** JWTs and tokens through the official server SDK, as an application would use them. */
describe('node-appwrite: JWTs and tokens', () => {
  let t: TestApp;
  let users: Users;
  const client = () => new Client().setEndpoint(`${t.url}/v1`).setProject(PROJECT);

  beforeAll(async () => {
    t = await TestApp.start();
    users = new Users(client().setKey(BOOTSTRAP_KEY));
  });
  afterAll(async () => {
    await t.stop();
  });

  it('Users.createJWT, then a client with setJWT calls Account.get', async () => {
    const user = await users.create({ userId: ID.unique(), email: 'sdk-jwt@example.com', name: 'Jay' });
    const session = await users.createSession({ userId: user.$id });
    const { jwt } = await users.createJWT({ userId: user.$id, sessionId: session.$id, duration: 600 });
    const me = await new Account(client().setJWT(jwt)).get();
    expect(me).toMatchObject({ $id: user.$id, name: 'Jay', email: 'sdk-jwt@example.com' });
    const unbound = await users.createJWT({ userId: user.$id });
    expect((await new Account(client().setJWT(unbound.jwt)).get()).$id).toBe(user.$id);

    // The JWT verifies offline against the published keys.
    const keys = createRemoteJWKSet(new URL(`${t.url}/.well-known/jwks.json`));
    expect((await jwtVerify(jwt, keys)).payload).toMatchObject({ userId: user.$id, sessionId: session.$id });

    await users.deleteSession({ userId: user.$id, sessionId: session.$id });
    const refused = await new Account(client().setJWT(jwt)).get().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppwriteException);
    expect((refused as AppwriteException).code).toBe(401);
  });

  it('Account.createJWT with a session, then Account.get with it', async () => {
    const user = await users.create({ userId: ID.unique() });
    const session = await users.createSession({ userId: user.$id });
    const { jwt } = await new Account(client().setSession(session.secret)).createJWT({ duration: 60 });
    expect((await new Account(client().setJWT(jwt)).get()).$id).toBe(user.$id);
  });

  it('Users.createToken, then Account.createSession(userId, secret); the token works once', async () => {
    const user = await users.create({ userId: ID.unique() });
    const token = await users.createToken({ userId: user.$id, length: 8, expire: 120 });
    expect(token.secret).toMatch(/^[0-9a-f]{8}$/);
    expect(token.userId).toBe(user.$id);
    // With the key, the answer carries the session secret (as Appwrite shows it to servers).
    const session = await new Account(client().setKey(BOOTSTRAP_KEY)).createSession({
      userId: user.$id,
      secret: token.secret,
    });
    expect(session).toMatchObject({ userId: user.$id, provider: 'token', factors: ['token'] });
    expect((await new Account(client().setSession(session.secret)).get()).$id).toBe(user.$id);

    const again = await new Account(client())
      .createSession({ userId: user.$id, secret: token.secret })
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppwriteException);
    expect({ code: (again as AppwriteException).code, type: (again as AppwriteException).type }).toEqual({
      code: 401,
      type: 'user_invalid_token',
    });
  });
});
