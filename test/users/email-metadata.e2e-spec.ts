import { createDataSource } from '../../src/database/data-source';
import { EmailMetadata1765200000000 } from '../../src/database/migrations/1765200000000-email-metadata';
import { TestApp } from '../support/test-app';

const NONE = {
  emailCanonical: null,
  emailIsFree: null,
  emailIsDisposable: null,
  emailIsCorporate: null,
  emailIsCanonical: null,
};

/** Appwrite 1.9.5's email fields on the User model, set at create and email change. */
describe('user email metadata', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  const flags = (user: Record<string, unknown>) => ({
    emailCanonical: user.emailCanonical,
    emailIsFree: user.emailIsFree,
    emailIsDisposable: user.emailIsDisposable,
    emailIsCorporate: user.emailIsCorporate,
    emailIsCanonical: user.emailIsCanonical,
  });

  it('classifies a gmail address as free and gives its canonical form', async () => {
    const user = await t.createUser({ email: 'Ada.Lovelace+news@gmail.com' });
    expect(flags(user)).toEqual({
      emailCanonical: 'adalovelace@gmail.com',
      emailIsFree: true,
      emailIsDisposable: false,
      emailIsCorporate: false,
      emailIsCanonical: false,
    });
    // Stored, not computed per read: the same on GET and in the list.
    expect(flags((await t.request('GET', `/v1/users/${user.$id}`)).body)).toEqual(flags(user));
  });

  it('classifies a disposable address, and a corporate one as Appwrite test does', async () => {
    expect(flags(await t.createUser({ email: 'someone@mailinator.com' }))).toEqual({
      emailCanonical: 'someone@mailinator.com',
      emailIsFree: false,
      emailIsDisposable: true,
      emailIsCorporate: false,
      emailIsCanonical: true,
    });
    expect(flags(await t.createUser({ email: 'cristiano.ronaldo@manchester-united.co.uk' }))).toEqual({
      emailCanonical: 'cristiano.ronaldo@manchester-united.co.uk',
      emailIsFree: false,
      emailIsDisposable: false,
      emailIsCorporate: true,
      emailIsCanonical: true,
    });
  });

  it('is null without an email, recomputed on email change, null again when the email is cleared', async () => {
    const user = await t.createUser({ name: 'No Mail' });
    expect(flags(user)).toEqual(NONE);
    const changed = await t.request('PATCH', `/v1/users/${user.$id}/email`, {
      body: { email: 'tim+apple@me.com' },
    });
    expect(changed.status).toBe(200);
    expect(flags(changed.body)).toMatchObject({ emailCanonical: 'tim@icloud.com', emailIsCanonical: false });
    const listed = await t.request(
      'GET',
      `/v1/users?queries[]=${encodeURIComponent(
        JSON.stringify({ method: 'equal', attribute: '$id', values: [user.$id] }),
      )}`,
    );
    expect(flags(listed.body.users[0])).toEqual(flags(changed.body));
    const cleared = await t.request('PATCH', `/v1/users/${user.$id}/email`, { body: { email: '' } });
    expect(cleared.status).toBe(200);
    expect(flags(cleared.body)).toEqual(NONE);
  });

  it('the migration that adds the fields classifies the users already there', async () => {
    const user = await t.createUser({ email: 'Grace.Hopper@googlemail.com' });
    const expected = flags(user);
    expect(expected.emailCanonical).toBe('gracehopper@gmail.com');
    const dataSource = await createDataSource(t.config.DATABASE_URL).initialize();
    const runner = dataSource.createQueryRunner();
    try {
      const migration = new EmailMetadata1765200000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
    expect(flags((await t.request('GET', `/v1/users/${user.$id}`)).body)).toEqual(expected);
    const [rows] = await t.db.query(
      'SELECT COUNT(*) AS n FROM users WHERE email IS NOT NULL AND email_canonical IS NULL',
    );
    expect(Number((rows as Array<{ n: number }>)[0].n)).toBe(0);
  });
});
