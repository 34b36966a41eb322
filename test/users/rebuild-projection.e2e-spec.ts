import { MysqlEventStore } from '@libs/event-store';
import { AppEventDecoder, EVENT_DECODER } from '../../src/database';
import { isUserEvent } from '../../src/users/domain/events';
import { UserProjection } from '../../src/users/infrastructure/user.projection';
import { TestApp } from '../support/test-app';

/** The read model is a pure function of the events: dropping it and replaying everything gives the same rows. */
describe('users projection rebuild', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  async function snapshot(): Promise<unknown[]> {
    const [users] = await t.db.query('SELECT * FROM users ORDER BY sequence');
    const [tokens] = await t.db.query(
      'SELECT * FROM user_search_tokens ORDER BY user_sequence, field, token',
    );
    // The sequence is an AUTO_INCREMENT: a rebuild keeps the order, not the numbers.
    const [targets] = await t.db.query(
      'SELECT id, user_id, provider_type, identifier, name, created_at, updated_at FROM user_targets ORDER BY sequence',
    );
    return [users, tokens, targets];
  }

  it('replays every event into empty tables and reproduces users and search tokens exactly', async () => {
    const a = await t.createUser({
      email: 'a@example.com',
      phone: '+14155550100',
      name: 'Ann Able',
      password: 'password-a',
    });
    const b = await t.createUser({ email: 'b@example.com', name: 'Bob' });
    const c = await t.createUser({ name: 'Gone' });
    await t.request('PATCH', `/v1/users/${a.$id}/email`, { body: { email: 'ann@example.org' } });
    await t.request('PATCH', `/v1/users/${a.$id}/status`, { body: { status: false } });
    await t.request('PUT', `/v1/users/${a.$id}/labels`, { body: { labels: ['vip', 'beta'] } });
    await t.request('PATCH', `/v1/users/${b.$id}/prefs`, { body: { prefs: { theme: 'dark' } } });
    await t.request('PATCH', `/v1/users/${b.$id}/verification`, { body: { emailVerification: true } });
    await t.request('PATCH', `/v1/users/${b.$id}/password`, { body: { password: 'password-b' } });
    // Changed by the user itself: the row keeps that session (and the epoch it is valid in), twice in a row.
    const { secret } = (await t.request('POST', `/v1/users/${b.$id}/sessions`)).body;
    const own = { key: null, headers: { 'x-appwrite-session': secret } };
    for (const [oldPassword, password] of [
      ['password-b', 'password-b2'],
      ['password-b2', 'password-b3'],
    ]) {
      const res = await t.request('PATCH', '/v1/account/password', {
        ...own,
        body: { password, oldPassword },
      });
      expect(res.status).toBe(200);
    }
    const [kept] = await t.db.query<any[]>('SELECT kept_session_id FROM users WHERE id = ?', [b.$id]);
    expect(kept[0].kept_session_id).not.toBeNull();
    await t.request('DELETE', `/v1/users/${c.$id}`, { body: {} });
    await t.createUser({ userId: c.$id, name: 'Back again' });
    const d = await t.createUser({ name: 'Banned' });
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    await t.request('POST', `/v1/users/${d.$id}/ban`, { body: { reason: 'Spam', expiresAt: inAnHour } });
    await t.request('POST', `/v1/users/${d.$id}/lock`, { body: { until: inAnHour } });
    // A ban ends every session, the kept one too (the rebuild must reproduce that as well).
    await t.request('POST', `/v1/users/${b.$id}/ban`, { body: { reason: 'Abuse' } });
    await t.request('POST', `/v1/users/${b.$id}/unban`);
    await t.request('POST', `/v1/users/${b.$id}/lock`);
    await t.request('POST', `/v1/users/${b.$id}/unlock`);

    await t.request('POST', `/v1/users/${d.$id}/targets`, {
      body: { targetId: 'rebuilt-target', providerType: 'push', identifier: 'device-token', name: 'Phone' },
    });
    await t.request('PATCH', `/v1/users/${a.$id}/email`, { body: { email: 'a2@example.com' } });

    const before = await snapshot();
    await t.db.query('DELETE FROM user_targets');
    await t.db.query('DELETE FROM user_search_tokens');
    await t.db.query('DELETE FROM users');

    const store = new MysqlEventStore(t.db);
    const decoder = t.app.get<AppEventDecoder>(EVENT_DECODER);
    const projection = new UserProjection();
    const connection = await t.db.getConnection();
    try {
      let position = 0;
      for (;;) {
        const batch = await store.readAll(position, 100);
        if (batch.length === 0) break;
        await projection.apply(connection, (await decoder.decodeAll(batch)).filter(isUserEvent));
        position = batch[batch.length - 1].position;
      }
    } finally {
      connection.release();
    }
    expect(await snapshot()).toEqual(before);
    expect((before[0] as unknown[]).length).toBe(4);
  });
});
