import { Secret, TOTP } from 'otpauth';
import { expectAppwriteError, TestApp } from '../support/test-app';

/** The code an authenticator app shows for `secret` now (computed here, independently of the service). */
const codeOf = (secret: string, at = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at,
  });
/** A 6-digit code that is not the current one (nor one step either side). */
const wrongCodeOf = (secret: string) => {
  const valid = new Set([-30_000, 0, 30_000].map((d) => codeOf(secret, Date.now() + d)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
};

describe('MFA (TOTP, challenges, recovery codes, enforcement)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({
      LOGIN_RATE_LIMIT_EMAIL: '1000',
      LOGIN_RATE_LIMIT_IP: '1000',
      LOCKOUT_ATTEMPTS: '3',
      LOCKOUT_DURATION: '600',
    });
  });
  afterAll(async () => {
    await t.stop();
  });

  const as = (secret: string, method: string, path: string, body?: unknown) =>
    t.request(method, `/v1/account${path}`, { key: null, body, headers: { 'x-appwrite-session': secret } });
  const login = async (email: string, password = 'password123'): Promise<string> => {
    const res = await t.request('POST', '/v1/account/sessions/email', {
      key: null,
      body: { email, password },
    });
    expect(res.status).toBe(201);
    return /a_session_[^=]+=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
  };
  /** A user with a verified TOTP authenticator, MFA on, recovery codes: `{ user, totpSecret, codes }`. */
  const mfaUser = async (email: string) => {
    const user = await t.createUser({ email, password: 'password123', name: 'Ada' });
    const secret = await login(email);
    const added = await as(secret, 'POST', '/mfa/authenticators/totp');
    expect(added.status).toBe(200);
    expect(Object.keys(added.body)).toEqual(['secret', 'uri']);
    expect(added.body.uri).toMatch(/^otpauth:\/\/totp\/.+\?.*secret=/);
    const totpSecret: string = added.body.secret;
    const verified = await as(secret, 'PUT', '/mfa/authenticators/totp', { otp: codeOf(totpSecret) });
    expect(verified.status).toBe(200);
    const codes = await as(secret, 'POST', '/mfa/recovery-codes');
    expect(codes.status).toBe(201);
    expect((await as(secret, 'PATCH', '/mfa', { mfa: true })).body.mfa).toBe(true);
    return { user, totpSecret, codes: codes.body.recoveryCodes as string[] };
  };

  it('without MFA a session works with its one factor', async () => {
    await t.createUser({ email: 'plain@example.com', password: 'password123' });
    const secret = await login('plain@example.com');
    expect((await as(secret, 'GET', '')).status).toBe(200);
    const factors = await as(secret, 'GET', '/mfa/factors');
    expect(factors.body).toEqual({ totp: false, phone: false, email: false, recoveryCode: false });
  });

  it('a new session needs a completed TOTP challenge, computed here', async () => {
    const { totpSecret } = await mfaUser('totp@example.com');
    const secret = await login('totp@example.com');
    expectAppwriteError(await as(secret, 'GET', ''), 401, 'user_more_factors_required');
    expect((await as(secret, 'GET', '/mfa/factors')).body).toEqual({
      totp: true,
      phone: false,
      email: false,
      recoveryCode: true,
    });

    const challenge = await as(secret, 'POST', '/mfa/challenges', { factor: 'totp' });
    expect(challenge.status).toBe(201);
    expect(Object.keys(challenge.body)).toEqual(['$id', '$createdAt', 'userId', 'expire']);

    expectAppwriteError(
      await as(secret, 'PUT', '/mfa/challenges', {
        challengeId: challenge.body.$id,
        otp: wrongCodeOf(totpSecret),
      }),
      401,
      'user_invalid_token',
    );
    expectAppwriteError(
      await as(secret, 'PUT', '/mfa/challenges', { challengeId: 'unknown', otp: codeOf(totpSecret) }),
      401,
      'user_invalid_token',
    );
    const done = await as(secret, 'PUT', '/mfa/challenges', {
      challengeId: challenge.body.$id,
      otp: codeOf(totpSecret),
    });
    expect(done.status).toBe(200);
    expect(done.body.factors).toEqual(['password', 'totp']);
    expect(done.body.mfaUpdatedAt).not.toBe('');
    expect((await as(secret, 'GET', '')).status).toBe(200);
    // A completed challenge is used up.
    expectAppwriteError(
      await as(secret, 'PUT', '/mfa/challenges', {
        challengeId: challenge.body.$id,
        otp: codeOf(totpSecret),
      }),
      401,
      'user_invalid_token',
    );
  });

  it('a recovery code completes a challenge once', async () => {
    const { codes } = await mfaUser('recovery@example.com');
    expect(codes).toHaveLength(6);
    for (const code of codes) expect(code).toHaveLength(10);
    const first = await login('recovery@example.com');
    const c1 = await as(first, 'POST', '/mfa/challenges', { factor: 'recoveryCode' });
    expect(
      (await as(first, 'PUT', '/mfa/challenges', { challengeId: c1.body.$id, otp: codes[0] })).status,
    ).toBe(200);
    expect((await as(first, 'GET', '')).status).toBe(200);

    const second = await login('recovery@example.com');
    const c2 = await as(second, 'POST', '/mfa/challenges', { factor: 'recoveryCode' });
    expectAppwriteError(
      await as(second, 'PUT', '/mfa/challenges', { challengeId: c2.body.$id, otp: codes[0] }),
      401,
      'user_invalid_token',
    );
    expect(
      (await as(second, 'PUT', '/mfa/challenges', { challengeId: c2.body.$id, otp: codes[1] })).status,
    ).toBe(200);
  });

  it('email and phone challenges say this service sends no messages', async () => {
    await mfaUser('nomail@example.com');
    const secret = await login('nomail@example.com');
    expectAppwriteError(
      await as(secret, 'POST', '/mfa/challenges', { factor: 'email' }),
      503,
      'general_smtp_disabled',
    );
    expectAppwriteError(
      await as(secret, 'POST', '/mfa/challenges', { factor: 'phone' }),
      503,
      'general_phone_disabled',
    );
    expectAppwriteError(
      await as(secret, 'POST', '/mfa/challenges', { factor: 'sms' }),
      400,
      'general_argument_invalid',
    );
  });

  it('wrong codes count towards the lock-out (429 user_locked, even for a right code)', async () => {
    const { totpSecret } = await mfaUser('lockout@example.com');
    const secret = await login('lockout@example.com');
    const challenge = await as(secret, 'POST', '/mfa/challenges', { factor: 'totp' });
    for (let i = 0; i < 3; i++)
      expectAppwriteError(
        await as(secret, 'PUT', '/mfa/challenges', {
          challengeId: challenge.body.$id,
          otp: wrongCodeOf(totpSecret),
        }),
        401,
        'user_invalid_token',
      );
    const locked = await as(secret, 'PUT', '/mfa/challenges', {
      challengeId: challenge.body.$id,
      otp: codeOf(totpSecret),
    });
    expectAppwriteError(locked, 429, 'user_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a session created with an API key, and a JWT minted from it, need the challenge too', async () => {
    const { user } = await mfaUser('server@example.com');
    const created = await t.request('POST', `/v1/users/${user.$id}/sessions`);
    expect(created.status).toBe(201);
    expectAppwriteError(await as(created.body.secret, 'GET', ''), 401, 'user_more_factors_required');
    const jwt = await as(created.body.secret, 'POST', '/jwts');
    expectAppwriteError(jwt, 401, 'user_more_factors_required');
    const minted = await t.request('POST', `/v1/users/${user.$id}/jwts`, {
      body: { sessionId: created.body.$id },
    });
    expect(minted.status).toBe(201);
    const viaJwt = await t.request('GET', '/v1/account', {
      key: null,
      headers: { 'x-appwrite-jwt': minted.body.jwt },
    });
    expectAppwriteError(viaJwt, 401, 'user_more_factors_required');
    // A token exchanged for a session: one factor (`token`) as well.
    const token = await t.request('POST', `/v1/users/${user.$id}/tokens`, { body: {} });
    expect(token.status).toBe(201);
    const exchanged = await t.request('POST', '/v1/account/sessions/token', {
      key: null,
      body: { userId: user.$id, secret: token.body.secret },
    });
    expect(exchanged.status).toBe(201);
    const tokenSecret = /a_session_[^=]+=([^;]+)/.exec(exchanged.headers.get('set-cookie') ?? '')![1];
    expectAppwriteError(await as(tokenSecret, 'GET', '/prefs'), 401, 'user_more_factors_required');
    // Logging out works before the challenge.
    expect((await as(created.body.secret, 'DELETE', '/sessions/current')).status).toBe(204);
  });

  it('users routes: factors, MFA switch, authenticator removal, recovery codes, verify, reset', async () => {
    const { user, totpSecret, codes } = await mfaUser('admin@example.com');
    const base = `/v1/users/${user.$id}/mfa`;
    expect((await t.request('GET', `${base}/factors`)).body).toEqual({
      totp: true,
      phone: false,
      email: false,
      recoveryCode: true,
    });
    expectAppwriteError(
      await t.request('GET', `${base}/recovery-codes`),
      409,
      'user_recovery_codes_already_exists',
    );
    expectAppwriteError(
      await t.request('PATCH', `${base}/recovery-codes`),
      409,
      'user_recovery_codes_already_exists',
    );
    const regenerated = await t.request('PUT', `${base}/recovery-codes`);
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(6);

    // Clerk's verify: a TOTP code, an old (replaced) recovery code, a new one used once.
    const verify = (code: string) => t.request('POST', `${base}/verify`, { body: { code } });
    expect((await verify(codeOf(totpSecret))).body).toEqual({ verified: true });
    expect((await verify(codes[0])).body).toEqual({ verified: false });
    expect((await verify(regenerated.body.recoveryCodes[0])).body).toEqual({ verified: true });
    expect((await verify(regenerated.body.recoveryCodes[0])).body).toEqual({ verified: false });

    const off = await t.request('PATCH', base, { body: { mfa: false } });
    expect(off.status).toBe(200);
    expect(off.body.mfa).toBe(false);
    expectAppwriteError(
      await t.request('PATCH', base, { body: { mfa: 'yes' } }),
      400,
      'general_argument_invalid',
    );

    expectAppwriteError(
      await t.request('DELETE', `${base}/authenticators/sms`),
      400,
      'general_argument_invalid',
    );
    expect((await t.request('DELETE', `${base}/authenticators/totp`)).status).toBe(204);
    expectAppwriteError(
      await t.request('DELETE', `${base}/authenticators/totp`),
      404,
      'user_authenticator_not_found',
    );

    expect((await t.request('DELETE', base)).status).toBe(204);
    expectAppwriteError(
      await t.request('GET', `${base}/recovery-codes`),
      404,
      'user_recovery_codes_not_found',
    );
    expectAppwriteError(
      await t.request('PUT', `${base}/recovery-codes`),
      404,
      'user_recovery_codes_not_found',
    );
    expect((await t.request('GET', `/v1/users/${user.$id}`)).body.mfa).toBe(false);
    expectAppwriteError(await t.request('GET', '/v1/users/nobody/mfa/factors'), 404, 'user_not_found');
  });

  it('the TOTP secret is in no event in clear, and the history hides it', async () => {
    const { user, totpSecret } = await mfaUser('sealed@example.com');
    const [rows] = await t.db.query(
      "SELECT data FROM events WHERE stream_id = ? AND type LIKE 'user.mfa.%'",
      [user.$id],
    );
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(totpSecret);
    const history = await t.request('GET', `/v1/users/${user.$id}/events`);
    expect(history.status).toBe(200);
    expect(history.text).not.toContain(totpSecret);
    expect(history.text).toContain('user.mfa.totp.added');
  });
  it("Appwrite's mfaProtected routes need a challenge completed on the session in the last 30 minutes", async () => {
    await t.createUser({ email: 'recent@example.com', password: 'password123' });
    const secret = await login('recent@example.com');
    const added = await as(secret, 'POST', '/mfa/authenticators/totp');
    const totpSecret: string = added.body.secret;
    expect((await as(secret, 'PUT', '/mfa/authenticators/totp', { otp: codeOf(totpSecret) })).status).toBe(
      200,
    );
    expect((await as(secret, 'POST', '/mfa/recovery-codes')).status).toBe(201);
    // MFA is off, so the session may do anything but these three, which need a challenge it never did.
    expect((await as(secret, 'GET', '')).status).toBe(200);
    for (const [method, path] of [
      ['GET', '/mfa/recovery-codes'],
      ['PATCH', '/mfa/recovery-codes'],
      ['DELETE', '/mfa/authenticators/totp'],
    ])
      expectAppwriteError(await as(secret, method, path), 401, 'user_challenge_required');

    const challenge = await as(secret, 'POST', '/mfa/challenges', { factor: 'totp' });
    const passed = await as(secret, 'PUT', '/mfa/challenges', {
      challengeId: challenge.body.$id,
      otp: codeOf(totpSecret),
    });
    expect(passed.status).toBe(200);
    expect((await as(secret, 'PATCH', '/mfa/recovery-codes')).body.recoveryCodes).toHaveLength(6);

    // 31 minutes later the challenge is no longer recent.
    await t.db.execute(
      'UPDATE sessions SET mfa_updated_at = mfa_updated_at - INTERVAL 31 MINUTE WHERE id = ?',
      [passed.body.$id],
    );
    expectAppwriteError(
      await as(secret, 'DELETE', '/mfa/authenticators/totp'),
      401,
      'user_challenge_required',
    );
  });
});
