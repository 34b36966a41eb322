import {
  Account,
  AppwriteException,
  AuthenticationFactor,
  AuthenticatorType,
  Client,
  ID,
  Users,
} from 'node-appwrite';
import { Secret, TOTP } from 'otpauth';
import { BOOTSTRAP_KEY, PROJECT, TestApp } from '../support/test-app';

const codeOf = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();

/** node-appwrite 27's MFA methods (current names and the deprecated `Mfa` spellings) against the service. */
describe('node-appwrite 27 MFA methods', () => {
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
    t = await TestApp.start({ LOCKOUT_ATTEMPTS: '2' });
    users = new Users(client().setKey(BOOTSTRAP_KEY));
  });
  afterAll(async () => {
    await t.stop();
  });

  it('sets up TOTP, then a new session completes a challenge with a code computed here', async () => {
    const user = await users.create({
      userId: ID.unique(),
      email: 'sdk-mfa@example.com',
      password: 'password123',
    });
    const setup = new Account(client().setSession((await users.createSession({ userId: user.$id })).secret));
    const type = await setup.createMFAAuthenticator({ type: AuthenticatorType.Totp });
    expect(type.uri).toContain(`secret=${type.secret}`);
    await setup.updateMFAAuthenticator({ type: AuthenticatorType.Totp, otp: codeOf(type.secret) });
    const codes = await setup.createMFARecoveryCodes();
    expect(codes.recoveryCodes).toHaveLength(6);
    expect((await setup.updateMFA({ mfa: true })).mfa).toBe(true);
    expect(await setup.listMFAFactors()).toEqual({
      totp: true,
      phone: false,
      email: false,
      recoveryCode: true,
    });

    const fresh = new Account(client().setSession((await users.createSession({ userId: user.$id })).secret));
    await rejection(fresh.get(), 401, 'user_more_factors_required');
    const challenge = await fresh.createMfaChallenge(AuthenticationFactor.Totp);
    await rejection(fresh.updateMfaChallenge(challenge.$id, '000000'), 401, 'user_invalid_token');
    const session = await fresh.updateMFAChallenge({ challengeId: challenge.$id, otp: codeOf(type.secret) });
    expect(session.factors).toContain('totp');
    expect((await fresh.get()).$id).toBe(user.$id);

    // A used recovery code is refused the second time.
    const other = new Account(client().setSession((await users.createSession({ userId: user.$id })).secret));
    const c1 = await other.createMFAChallenge({ factor: AuthenticationFactor.Recoverycode });
    await other.updateMFAChallenge({ challengeId: c1.$id, otp: codes.recoveryCodes[0] });
    const third = new Account(client().setSession((await users.createSession({ userId: user.$id })).secret));
    const c2 = await third.createMFAChallenge({ factor: AuthenticationFactor.Recoverycode });
    await rejection(
      third.updateMFAChallenge({ challengeId: c2.$id, otp: codes.recoveryCodes[0] }),
      401,
      'user_invalid_token',
    );
    // A second failure in a row (successes reset the count) locks the user out, even for a right code.
    await rejection(
      third.updateMFAChallenge({ challengeId: c2.$id, otp: 'not-a-code' }),
      401,
      'user_invalid_token',
    );
    await rejection(
      third.updateMFAChallenge({ challengeId: c2.$id, otp: codes.recoveryCodes[1] }),
      429,
      'user_locked',
    );

    const regenerated = await fresh.updateMFARecoveryCodes();
    expect(regenerated.recoveryCodes).toHaveLength(6);
    await rejection(fresh.getMFARecoveryCodes(), 409, 'user_recovery_codes_already_exists');
    await fresh.deleteMFAAuthenticator({ type: AuthenticatorType.Totp });
  });

  it('Users: updateMFA / updateMfa, listMFAFactors, recovery codes, deleteMFAAuthenticator', async () => {
    const user = await users.create({
      userId: ID.unique(),
      email: 'sdk-users@example.com',
      password: 'password123',
    });
    expect((await users.updateMFA({ userId: user.$id, mfa: true })).mfa).toBe(true);
    expect((await users.updateMfa(user.$id, false)).mfa).toBe(false);
    expect(await users.listMFAFactors({ userId: user.$id })).toEqual({
      totp: false,
      phone: false,
      email: false,
      recoveryCode: false,
    });
    await rejection(users.getMFARecoveryCodes({ userId: user.$id }), 404, 'user_recovery_codes_not_found');
    await rejection(users.updateMFARecoveryCodes({ userId: user.$id }), 404, 'user_recovery_codes_not_found');
    expect((await users.createMfaRecoveryCodes(user.$id)).recoveryCodes).toHaveLength(6);
    expect((await users.listMfaFactors(user.$id)).recoveryCode).toBe(true);
    expect((await users.updateMfaRecoveryCodes(user.$id)).recoveryCodes).toHaveLength(6);
    await rejection(
      users.deleteMFAAuthenticator({ userId: user.$id, type: AuthenticatorType.Totp }),
      404,
      'user_authenticator_not_found',
    );
  });
});
