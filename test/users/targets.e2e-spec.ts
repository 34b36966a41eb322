import { randomUUID } from 'node:crypto';
import { MysqlEventStore } from '@libs/event-store';
import { AppEventDecoder, EVENT_DECODER } from '../../src/database';
import { backfillAddressTargets } from '../../src/database/migrations/1765300000000-user-targets';
import { isUserEvent } from '../../src/users/domain/events';
import { UserProjection } from '../../src/users/infrastructure/user.projection';
import { hashApiKeySecret } from '../../src/auth/domain/api-key-secret';
import { expectAppwriteError, TestApp } from '../support/test-app';

const TARGET_KEYS = [
  '$id',
  '$createdAt',
  '$updatedAt',
  'name',
  'userId',
  'providerId',
  'providerType',
  'identifier',
  'expired',
];

describe('user targets (Appwrite users.*Target)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  const path = (userId: string, targetId?: string) =>
    `/v1/users/${userId}/targets${targetId === undefined ? '' : `/${targetId}`}`;
  const create = (userId: string, body: Record<string, unknown>, key?: string) =>
    t.request('POST', path(userId), { body, key });
  const list = async (userId: string) => {
    const result = await t.request('GET', path(userId));
    expect(result.status).toBe(200);
    return result.body as { total: number; targets: Array<Record<string, unknown>> };
  };
  const eventTypes = async (userId: string) => {
    const [rows] = await t.db.query(
      "SELECT type FROM events WHERE stream_type = 'user' AND stream_id = ? ORDER BY version",
      [userId],
    );
    return (rows as Array<{ type: string }>).map((r) => r.type);
  };

  it('creates, lists, gets, updates and deletes a push target, each an event of the user', async () => {
    const user = await t.createUser({ name: 'Ada' });
    const created = await create(user.$id, {
      targetId: 'ada-phone',
      providerType: 'push',
      identifier: 'fcm-token-1',
      name: 'Pixel',
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(TARGET_KEYS);
    expect(created.body).toMatchObject({
      $id: 'ada-phone',
      name: 'Pixel',
      userId: user.$id,
      providerId: null,
      providerType: 'push',
      identifier: 'fcm-token-1',
      expired: false,
    });

    const listed = await list(user.$id);
    expect(listed).toEqual({ total: 1, targets: [created.body] });
    const got = await t.request('GET', path(user.$id, 'ada-phone'));
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    // The User model lists it too.
    expect((await t.request('GET', `/v1/users/${user.$id}`)).body.targets).toEqual([created.body]);

    const updated = await t.request('PATCH', path(user.$id, 'ada-phone'), {
      body: { identifier: 'fcm-token-2' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ $id: 'ada-phone', identifier: 'fcm-token-2', name: 'Pixel' });
    const renamed = await t.request('PATCH', path(user.$id, 'ada-phone'), { body: { name: 'Pixel 9' } });
    expect(renamed.body).toMatchObject({ identifier: 'fcm-token-2', name: 'Pixel 9' });

    const deleted = await t.request('DELETE', path(user.$id, 'ada-phone'));
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectAppwriteError(await t.request('GET', path(user.$id, 'ada-phone')), 404, 'user_target_not_found');
    expect(await list(user.$id)).toEqual({ total: 0, targets: [] });

    expect(await eventTypes(user.$id)).toEqual([
      'user.created',
      'user.target.created',
      'user.target.updated',
      'user.target.updated',
      'user.target.deleted',
    ]);
    // The identifier is personal data: sealed in the store.
    const [rows] = await t.db.query(
      "SELECT data FROM events WHERE stream_id = ? AND type = 'user.target.created'",
      [user.$id],
    );
    expect(JSON.stringify((rows as Array<{ data: unknown }>)[0].data)).not.toContain('fcm-token-1');
  });

  it('gives the user an email and an sms target that follow its email and phone', async () => {
    const user = await t.createUser({ email: 'grace@example.com', phone: '+14155550101' });
    const [email, sms] = user.targets as Array<Record<string, unknown>>;
    expect(email).toMatchObject({ providerType: 'email', identifier: 'grace@example.com', userId: user.$id });
    expect(sms).toMatchObject({ providerType: 'sms', identifier: '+14155550101', userId: user.$id });
    expect(await list(user.$id)).toEqual({ total: 2, targets: [email, sms] });
    expect((await t.request('GET', path(user.$id, email.$id as string))).body).toEqual(email);

    // A new email re-points the same target (same id).
    await t.request('PATCH', `/v1/users/${user.$id}/email`, { body: { email: 'grace2@example.com' } });
    let targets = (await list(user.$id)).targets;
    expect(targets.map((x) => [x.$id, x.identifier])).toEqual([
      [email.$id, 'grace2@example.com'],
      [sms.$id, '+14155550101'],
    ]);

    // Removing the phone deletes its target; a new phone makes a new one.
    await t.request('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: '' } });
    targets = (await list(user.$id)).targets;
    expect(targets.map((x) => x.identifier)).toEqual(['grace2@example.com']);
    await t.request('PATCH', `/v1/users/${user.$id}/phone`, { body: { number: '+14155550102' } });
    targets = (await list(user.$id)).targets;
    expect(targets.map((x) => [x.providerType, x.identifier])).toEqual([
      ['email', 'grace2@example.com'],
      ['sms', '+14155550102'],
    ]);

    // The email target can be deleted (the user keeps its email); the next email makes a new target.
    expect((await t.request('DELETE', path(user.$id, email.$id as string))).status).toBe(204);
    const kept = await t.request('GET', `/v1/users/${user.$id}`);
    expect(kept.body.email).toBe('grace2@example.com');
    expect(kept.body.targets.map((x: any) => x.providerType)).toEqual(['sms']);
    await t.request('PATCH', `/v1/users/${user.$id}/email`, { body: { email: 'grace3@example.com' } });
    targets = (await list(user.$id)).targets;
    expect(targets.map((x) => [x.providerType, x.identifier])).toEqual([
      ['sms', '+14155550102'],
      ['email', 'grace3@example.com'],
    ]);

    // Deleting the user deletes its targets.
    await t.request('DELETE', `/v1/users/${user.$id}`);
    const [rows] = await t.db.query('SELECT COUNT(*) AS n FROM user_targets WHERE user_id = ?', [user.$id]);
    expect(Number((rows as Array<{ n: number }>)[0].n)).toBe(0);
  });

  it('keeps target ids and identifiers unique among all users (409 user_target_already_exists)', async () => {
    const a = await t.createUser({ email: 'taken@example.com' });
    const b = await t.createUser({});
    expect((await create(b.$id, { targetId: 'b-1', providerType: 'push', identifier: 'tok-b' })).status).toBe(
      201,
    );
    // Same id, same or another user.
    expectAppwriteError(
      await create(b.$id, { targetId: 'b-1', providerType: 'push', identifier: 'tok-other' }),
      409,
      'user_target_already_exists',
    );
    expectAppwriteError(
      await create(a.$id, { targetId: 'b-1', providerType: 'push', identifier: 'tok-other' }),
      409,
      'user_target_already_exists',
    );
    // The id of another user's email target.
    expectAppwriteError(
      await create(b.$id, { targetId: a.targets[0].$id, providerType: 'push', identifier: 'tok-x' }),
      409,
      'user_target_already_exists',
    );
    // Same identifier: another push target, another user's email (any case), by update too.
    expectAppwriteError(
      await create(a.$id, { targetId: 'unique()', providerType: 'push', identifier: 'tok-b' }),
      409,
      'user_target_already_exists',
    );
    expectAppwriteError(
      await create(b.$id, { targetId: 'unique()', providerType: 'email', identifier: 'Taken@Example.com' }),
      409,
      'user_target_already_exists',
    );
    expect(
      (await create(b.$id, { targetId: 'b-mail', providerType: 'email', identifier: 'b@example.com' }))
        .status,
    ).toBe(201);
    expectAppwriteError(
      await t.request('PATCH', path(b.$id, 'b-mail'), { body: { identifier: 'taken@example.com' } }),
      409,
      'user_target_already_exists',
    );
    // A target's email is taken for users' emails too, as Appwrite's PATCH email answers.
    expectAppwriteError(
      await t.request('PATCH', `/v1/users/${a.$id}/email`, { body: { email: 'b@example.com' } }),
      409,
      'user_target_already_exists',
    );
    // Once deleted, the identifier and the id are free again.
    await t.request('DELETE', path(b.$id, 'b-mail'));
    expect(
      (await t.request('PATCH', `/v1/users/${a.$id}/email`, { body: { email: 'b@example.com' } })).status,
    ).toBe(200);
    await t.request('DELETE', path(b.$id, 'b-1'));
    expect((await create(a.$id, { targetId: 'b-1', providerType: 'push', identifier: 'tok-b' })).status).toBe(
      201,
    );
  });

  it('answers Appwrite errors: unknown user or target, bad type, identifier or provider', async () => {
    const user = await t.createUser({});
    const other = await t.createUser({});
    await create(other.$id, { targetId: 'others', providerType: 'push', identifier: 'tok-o' });

    expectAppwriteError(await t.request('GET', path(user.$id, 'nope')), 404, 'user_target_not_found');
    expectAppwriteError(await t.request('GET', path(user.$id, 'others')), 404, 'user_target_not_found');
    expectAppwriteError(
      await t.request('PATCH', path(user.$id, 'others'), { body: { name: 'x' } }),
      404,
      'user_target_not_found',
    );
    expectAppwriteError(await t.request('DELETE', path(user.$id, 'nope')), 404, 'user_target_not_found');
    expectAppwriteError(await t.request('GET', path('nobody')), 404, 'user_not_found');
    expectAppwriteError(
      await create('nobody', { targetId: 'unique()', providerType: 'push', identifier: 'x' }),
      404,
      'user_not_found',
    );

    const base = { targetId: 'unique()', identifier: 'x' };
    expectAppwriteError(
      await create(user.$id, { ...base, providerType: 'fax' }),
      400,
      'general_argument_invalid',
    );
    expectAppwriteError(
      await create(user.$id, { targetId: 'unique()', providerType: 'push' }),
      400,
      'general_argument_invalid',
    );
    expectAppwriteError(
      await create(user.$id, { ...base, providerType: 'email', identifier: 'not-an-email' }),
      400,
      'general_invalid_email',
    );
    expectAppwriteError(
      await create(user.$id, { ...base, providerType: 'sms', identifier: '0123' }),
      400,
      'general_invalid_phone',
    );
    expectAppwriteError(
      await create(user.$id, { ...base, providerType: 'push', providerId: 'sendgrid' }),
      404,
      'provider_not_found',
    );
    expect(
      (await create(user.$id, { ...base, targetId: 't-ok', providerType: 'push', providerId: '' })).status,
    ).toBe(201);
    expectAppwriteError(
      await t.request('PATCH', path(user.$id, 't-ok'), { body: { providerId: 'sendgrid' } }),
      404,
      'provider_not_found',
    );
    expectAppwriteError(await t.request('GET', path(user.$id, 'bad id!')), 400, 'general_argument_invalid');
  });

  it('shows the same targets in the Account model of the user', async () => {
    const user = await t.createUser({ email: 'own@example.com', password: 'password123' });
    await create(user.$id, { targetId: 'own-push', providerType: 'push', identifier: 'tok-own' });
    const login = await t.request('POST', '/v1/account/sessions/email', {
      body: { email: 'own@example.com', password: 'password123' },
    });
    expect(login.status).toBe(201);
    const account = await t.request('GET', '/v1/account', {
      key: null,
      headers: { 'x-appwrite-session': login.body.secret },
    });
    expect(account.status).toBe(200);
    expect(account.body.targets).toEqual((await list(user.$id)).targets);
    expect(account.body.targets.map((x: any) => x.$id)).toContain('own-push');
  });

  it('pages with Appwrite queries', async () => {
    const user = await t.createUser({ email: 'paged@example.com' });
    await create(user.$id, { targetId: 'p-1', providerType: 'push', identifier: 'tok-p1' });
    await create(user.$id, { targetId: 'p-2', providerType: 'push', identifier: 'tok-p2' });
    const query = (q: object) => `queries[]=${encodeURIComponent(JSON.stringify(q))}`;
    const pushOnly = await t.request(
      'GET',
      `${path(user.$id)}?${query({ method: 'equal', attribute: 'providerType', values: ['push'] })}&${query({ method: 'limit', values: [1] })}`,
    );
    expect(pushOnly.status).toBe(200);
    expect(pushOnly.body.total).toBe(2);
    expect(pushOnly.body.targets.map((x: any) => x.$id)).toEqual(['p-1']);
    const after = await t.request(
      'GET',
      `${path(user.$id)}?${query({ method: 'cursorAfter', values: ['p-1'] })}&total=false`,
    );
    expect(after.body).toMatchObject({ total: 0 });
    expect(after.body.targets.map((x: any) => x.$id)).toEqual(['p-2']);
  });

  it('reads need users.read, writes users.write', async () => {
    const insertKey = async (scopes: string[]) => {
      const secret = `standard_${randomUUID().replace(/-/g, '')}`;
      await t.db.execute(
        'INSERT INTO api_keys (id, name, secret_hash, scopes, expire, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [randomUUID(), 'test', hashApiKeySecret(secret), JSON.stringify(scopes), null, new Date()],
      );
      return secret;
    };
    const user = await t.createUser({});
    const readOnly = await insertKey(['users.read']);
    const writeOnly = await insertKey(['users.write']);
    const body = { targetId: 'scoped', providerType: 'push', identifier: 'tok-s' };
    expectAppwriteError(await create(user.$id, body, readOnly), 401, 'general_unauthorized_scope');
    expect((await create(user.$id, body, writeOnly)).status).toBe(201);
    expectAppwriteError(
      await t.request('GET', path(user.$id), { key: writeOnly }),
      401,
      'general_unauthorized_scope',
    );
    expect((await t.request('GET', path(user.$id, 'scoped'), { key: readOnly })).status).toBe(200);
    expectAppwriteError(
      await t.request('PATCH', path(user.$id, 'scoped'), { key: readOnly, body: { name: 'n' } }),
      401,
      'general_unauthorized_scope',
    );
    expectAppwriteError(
      await t.request('DELETE', path(user.$id, 'scoped'), { key: readOnly }),
      401,
      'general_unauthorized_scope',
    );
  });

  it('rebuilds the same targets from the events (last: it empties the read tables)', async () => {
    const user = await t.createUser({ email: 'rebuilt@example.com', phone: '+14155550109' });
    await create(user.$id, { targetId: 'r-1', providerType: 'push', identifier: 'tok-r', name: 'R' });
    await t.request('PATCH', path(user.$id, 'r-1'), { body: { name: 'R2' } });
    await t.request('PATCH', `/v1/users/${user.$id}/email`, { body: { email: 'rebuilt2@example.com' } });
    const snapshot = async () =>
      (
        await t.db.query(
          'SELECT id, user_id, provider_type, identifier, name, created_at, updated_at FROM user_targets ORDER BY sequence',
        )
      )[0];
    const before = await snapshot();
    expect((before as unknown[]).length).toBeGreaterThan(3);
    await t.db.query('DELETE FROM user_targets');
    await t.db.query('DELETE FROM user_search_tokens');
    await t.db.query('DELETE FROM users');
    const store = new MysqlEventStore(t.db);
    const decoder = t.app.get<AppEventDecoder>(EVENT_DECODER);
    const connection = await t.db.getConnection();
    try {
      for (let position = 0; ;) {
        const batch = await store.readAll(position, 100);
        if (batch.length === 0) break;
        await new UserProjection().apply(connection, (await decoder.decodeAll(batch)).filter(isUserEvent));
        position = batch[batch.length - 1].position;
      }
    } finally {
      connection.release();
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('user_targets migration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("gives existing users' email and phone the targets (and ids) the service gives them", async () => {
    await t.createUser({ email: 'm1@example.com', phone: '+14155550121' });
    await t.createUser({ email: 'm2@example.com' });
    await t.createUser({ phone: '+14155550122' });
    const snapshot = async () =>
      (
        await t.db.query(
          'SELECT id, user_id, provider_type, identifier, name, created_at FROM user_targets ORDER BY user_id, provider_type',
        )
      )[0];
    const before = await snapshot();
    expect((before as unknown[]).length).toBe(4);
    await t.db.query('DELETE FROM user_targets');
    await backfillAddressTargets((sql) => t.db.query(sql));
    expect(await snapshot()).toEqual(before);
  });
});
