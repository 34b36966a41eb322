import { expectAppwriteError, TestApp } from '../support/test-app';

const ID_HEADER = 'x-appwrite-impersonate-user-id';
const EMAIL_HEADER = 'x-appwrite-impersonate-user-email';
const PHONE_HEADER = 'x-appwrite-impersonate-user-phone';

/** Appwrite 1.9.5's impersonation over HTTP: the flag, the three headers, and the trail both users leave. */
describe('impersonation', () => {
  let t: TestApp;
  let admin: { $id: string };
  let target: { $id: string };
  let other: { $id: string };
  let adminSecret: string;
  let adminSessionId: string;
  let otherSecret: string;

  const sessionOf = async (userId: string) => {
    const res = await t.request('POST', `/v1/users/${userId}/sessions`);
    if (res.status !== 201) throw new Error(`session: ${res.status} ${res.text}`);
    return { id: res.body.$id as string, secret: res.body.secret as string };
  };
  const account = (secret: string, headers: Record<string, string> = {}, path = '') =>
    t.request('GET', `/v1/account${path}`, {
      key: null,
      headers: { 'x-appwrite-session': secret, ...headers },
    });
  const setImpersonator = async (userId: string, impersonator: boolean) => {
    const res = await t.request('PATCH', `/v1/users/${userId}/impersonator`, { body: { impersonator } });
    if (res.status !== 200) throw new Error(`impersonator: ${res.status} ${res.text}`);
    return res.body;
  };
  const setStatus = async (userId: string, status: boolean) => {
    const res = await t.request('PATCH', `/v1/users/${userId}/status`, { body: { status } });
    if (res.status !== 200) throw new Error(`status: ${res.status} ${res.text}`);
  };

  beforeAll(async () => {
    t = await TestApp.start({}, { worker: true });
    admin = await t.createUser({ email: 'support@example.com', name: 'Support' });
    target = await t.createUser({ email: 'ticket@example.com', phone: '+14155550123', name: 'Ticket' });
    other = await t.createUser({ email: 'other@example.com', name: 'Other' });
    ({ id: adminSessionId, secret: adminSecret } = await sessionOf(admin.$id));
    ({ secret: otherSecret } = await sessionOf(other.$id));
  });
  afterAll(async () => {
    await t.stop();
  });

  describe('PATCH /v1/users/{userId}/impersonator', () => {
    it('grants the flag and answers the User model with it', async () => {
      const before = await t.request('GET', `/v1/users/${admin.$id}`);
      expect(before.body).toMatchObject({ impersonator: false, impersonatorUserId: null });
      const user = await setImpersonator(admin.$id, true);
      expect(user).toMatchObject({ $id: admin.$id, impersonator: true, impersonatorUserId: null });
      expect((await t.request('GET', `/v1/users/${admin.$id}`)).body.impersonator).toBe(true);
    });

    it('is filterable: queries on impersonator find the impersonators', async () => {
      const query = JSON.stringify({ method: 'equal', attribute: 'impersonator', values: [true] });
      const listed = await t.request('GET', `/v1/users?queries[]=${encodeURIComponent(query)}`);
      expect(listed.status).toBe(200);
      expect((listed.body.users as Array<{ $id: string }>).map((u) => u.$id)).toEqual([admin.$id]);
    });

    it('takes Appwrite loose booleans, refuses anything else, and 404s an unknown user', async () => {
      const path = `/v1/users/${other.$id}/impersonator`;
      const loose = await t.request('PATCH', path, { body: { impersonator: 'false' } });
      expect(loose.status).toBe(200);
      expect(loose.body.impersonator).toBe(false);
      expectAppwriteError(
        await t.request('PATCH', path, { body: { impersonator: 'maybe' } }),
        400,
        'general_argument_invalid',
      );
      expectAppwriteError(await t.request('PATCH', path, { body: {} }), 400, 'general_argument_invalid');
      expectAppwriteError(
        await t.request('PATCH', '/v1/users/nobody/impersonator', { body: { impersonator: true } }),
        404,
        'user_not_found',
      );
    });

    it('needs users.write', async () => {
      const res = await t.request('PATCH', `/v1/users/${other.$id}/impersonator`, {
        key: null,
        body: { impersonator: true },
      });
      expectAppwriteError(res, 401, 'general_unauthorized_scope');
    });

    it('hides both fields from response formats before 1.9.0', async () => {
      const res = await t.request('GET', `/v1/users/${admin.$id}`, {
        headers: { 'x-appwrite-response-format': '1.8.0' },
      });
      expect(res.body).not.toHaveProperty('impersonator');
      expect(res.body).not.toHaveProperty('impersonatorUserId');
    });
  });

  describe('the impersonation headers', () => {
    it('act as the user the id names; GET /v1/account shows the impersonator', async () => {
      const res = await account(adminSecret, { [ID_HEADER]: target.$id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        $id: target.$id,
        email: 'ticket@example.com',
        impersonator: false,
        impersonatorUserId: admin.$id,
      });
      const own = await account(adminSecret);
      expect(own.body).toMatchObject({ $id: admin.$id, impersonator: true, impersonatorUserId: null });
    });

    it('find the target by email (any case) or phone; the id goes first, then the email', async () => {
      expect((await account(adminSecret, { [EMAIL_HEADER]: 'Ticket@Example.com' })).body.$id).toBe(
        target.$id,
      );
      expect((await account(adminSecret, { [PHONE_HEADER]: '+14155550123' })).body.$id).toBe(target.$id);
      const both = await account(adminSecret, {
        [ID_HEADER]: other.$id,
        [EMAIL_HEADER]: 'ticket@example.com',
        [PHONE_HEADER]: '+14155550123',
      });
      expect(both.body.$id).toBe(other.$id);
      const emailOverPhone = await account(adminSecret, {
        [EMAIL_HEADER]: 'other@example.com',
        [PHONE_HEADER]: '+14155550123',
      });
      expect(emailOverPhone.body.$id).toBe(other.$id);
    });

    it('name no user: the request acts as the impersonator (as Appwrite does)', async () => {
      const cases: Array<Record<string, string>> = [
        { [ID_HEADER]: 'nobody' },
        { [EMAIL_HEADER]: 'nobody@example.com' },
        { [PHONE_HEADER]: '+10000000000' },
      ];
      for (const headers of cases) {
        const res = await account(adminSecret, headers);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ $id: admin.$id, impersonatorUserId: null });
      }
    });

    it('are ignored for a caller that is not an impersonator', async () => {
      const res = await account(otherSecret, { [ID_HEADER]: target.$id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ $id: other.$id, impersonatorUserId: null });
    });

    it('work with a JWT minted from an impersonator session, not with another user’s JWT', async () => {
      const jwt = await t.request('POST', `/v1/users/${admin.$id}/jwts`, {
        body: { sessionId: adminSessionId },
      });
      expect(jwt.status).toBe(201);
      const asTarget = await t.request('GET', '/v1/account', {
        key: null,
        headers: { 'x-appwrite-jwt': jwt.body.jwt, [ID_HEADER]: target.$id },
      });
      expect(asTarget.body).toMatchObject({ $id: target.$id, impersonatorUserId: admin.$id });
      const otherJwt = await t.request('POST', `/v1/users/${other.$id}/jwts`, { body: {} });
      const asOther = await t.request('GET', '/v1/account', {
        key: null,
        headers: { 'x-appwrite-jwt': otherJwt.body.jwt, [ID_HEADER]: target.$id },
      });
      expect(asOther.body).toMatchObject({ $id: other.$id, impersonatorUserId: null });
    });

    it('stand on none of the target’s sessions: `current` is not found, no JWT is minted', async () => {
      const headers = { [ID_HEADER]: target.$id };
      expectAppwriteError(
        await account(adminSecret, headers, '/sessions/current'),
        404,
        'user_session_not_found',
      );
      const jwt = await t.request('POST', '/v1/account/jwts', {
        key: null,
        headers: { 'x-appwrite-session': adminSecret, ...headers },
        body: {},
      });
      expectAppwriteError(jwt, 404, 'user_session_not_found');
    });

    it('refuse a blocked target with user_blocked', async () => {
      await setStatus(other.$id, false);
      try {
        expectAppwriteError(await account(adminSecret, { [ID_HEADER]: other.$id }), 403, 'user_blocked');
      } finally {
        await setStatus(other.$id, true);
      }
      expect((await account(adminSecret, { [ID_HEADER]: other.$id })).body.$id).toBe(other.$id);
    });
  });

  describe('the trail of a change made while impersonating', () => {
    it('records both users in the event metadata, the history and the activity log', async () => {
      const res = await t.request('PATCH', '/v1/account/name', {
        key: null,
        headers: { 'x-appwrite-session': adminSecret, [ID_HEADER]: target.$id },
        body: { name: 'Renamed by support' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        $id: target.$id,
        name: 'Renamed by support',
        impersonatorUserId: admin.$id,
      });
      expect((await t.request('GET', `/v1/users/${admin.$id}`)).body.name).toBe('Support');

      const [rows] = await t.db.query<any[]>(
        "SELECT metadata FROM events WHERE stream_id = ? AND type = 'user.name.changed'",
        [target.$id],
      );
      const metadata = typeof rows[0].metadata === 'string' ? JSON.parse(rows[0].metadata) : rows[0].metadata;
      expect(metadata.actor).toEqual({ type: 'user', id: target.$id, impersonatorId: admin.$id });

      const history = await t.request('GET', `/v1/users/${target.$id}/events`);
      const renamed = (history.body.events as any[]).find((e) => e.type === 'user.name.changed');
      expect(renamed.actor).toEqual({ type: 'user', id: target.$id, impersonatorId: admin.$id });
      const created = (history.body.events as any[]).find((e) => e.type === 'user.created');
      expect(created.actor).toEqual({ type: 'key', id: 'bootstrap' });

      const log = await t.eventually(async () => {
        const logs = await t.request('GET', `/v1/users/${target.$id}/logs`);
        return (logs.body.logs as any[]).find((l) => l.event === `users.${target.$id}.update.name`);
      });
      expect(log).toMatchObject({ userId: target.$id, userType: 'user', impersonatorId: admin.$id });
      const createLog = await t.eventually(async () => {
        const logs = await t.request('GET', `/v1/users/${target.$id}/logs`);
        return (logs.body.logs as any[]).find((l) => l.event === `users.${target.$id}.create`);
      });
      expect(createLog.impersonatorId).toBe('');
    });

    it('names the grant itself users.{userId}.update.impersonator in the activity log', async () => {
      const log = await t.eventually(async () => {
        const logs = await t.request('GET', `/v1/users/${admin.$id}/logs`);
        return (logs.body.logs as any[]).find((l) => l.event === `users.${admin.$id}.update.impersonator`);
      });
      expect(log).toMatchObject({ userType: 'keyProject', mode: 'admin' });
    });
  });

  describe('ending it', () => {
    it('revoking the flag stops impersonation at once', async () => {
      expect((await account(adminSecret, { [ID_HEADER]: target.$id })).body.$id).toBe(target.$id);
      await setImpersonator(admin.$id, false);
      const res = await account(adminSecret, { [ID_HEADER]: target.$id });
      expect(res.body).toMatchObject({ $id: admin.$id, impersonator: false, impersonatorUserId: null });
      await setImpersonator(admin.$id, true);
      expect((await account(adminSecret, { [ID_HEADER]: target.$id })).body.$id).toBe(target.$id);
    });

    it('blocking the impersonator stops it (user_blocked), and unblocking does not revive its session', async () => {
      await setStatus(admin.$id, false);
      expectAppwriteError(await account(adminSecret, { [ID_HEADER]: target.$id }), 403, 'user_blocked');
      await setStatus(admin.$id, true);
      expectAppwriteError(
        await account(adminSecret, { [ID_HEADER]: target.$id }),
        401,
        'general_unauthorized_scope',
      );
    });
  });
});
