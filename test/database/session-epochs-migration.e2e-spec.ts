import type { RowDataPacket } from 'mysql2/promise';
import { createDataSource } from '../../src/database/data-source';
import { SessionEpochs1764400000000 } from '../../src/database/migrations/1764400000000-session-epochs';
import { BOOTSTRAP_KEY, TestApp } from '../support/test-app';

/**
 * The migration must bring a database written before sessions recorded their user to the state the
 * projections would have produced: the same epoch per user, and the same sessions valid.
 */
describe('session-epochs migration on existing data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  const session = async (userId: string) =>
    (await t.request('POST', `/v1/users/${userId}/sessions`, { body: {} })).body.$id as string;

  async function snapshot() {
    const [users] = await t.db.query<RowDataPacket[]>('SELECT id, session_epoch FROM users ORDER BY id');
    const [sessions] = await t.db.query<RowDataPacket[]>(
      `SELECT s.id, s.user_epoch = u.session_epoch AND s.user_incarnation = u.sequence AS valid
         FROM sessions s JOIN users u ON u.id = s.user_id ORDER BY s.id`,
    );
    return { users, sessions: sessions.map((s) => ({ id: s.id, valid: Number(s.valid) })) };
  }

  it('computes each user epoch from its events and keeps exactly the sessions that were valid', async () => {
    const changed = await t.createUser({ password: 'password123' });
    await session(changed.$id);
    await t.request('PATCH', `/v1/users/${changed.$id}/password`, { body: { password: 'another one' } });
    await session(changed.$id);
    const blocked = await t.createUser({});
    await session(blocked.$id);
    await t.request('PATCH', `/v1/users/${blocked.$id}/status`, { body: { status: false } });
    await t.request('PATCH', `/v1/users/${blocked.$id}/status`, { body: { status: true } });
    await session(blocked.$id);
    const plain = await t.createUser({ email: 'plain@example.com', password: 'password123' });
    await t.request('POST', '/v1/account/sessions/email', {
      body: { email: 'plain@example.com', password: 'password123' },
      key: BOOTSTRAP_KEY,
    });
    expect(plain.$id).toBeDefined();

    const before = await snapshot();
    expect(before.sessions.map((s) => s.valid)).toEqual(expect.arrayContaining([0, 1]));

    const dataSource = await createDataSource(t.config.DATABASE_URL).initialize();
    const runner = dataSource.createQueryRunner();
    try {
      const migration = new SessionEpochs1764400000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
    expect(await snapshot()).toEqual(before);
  });
});
