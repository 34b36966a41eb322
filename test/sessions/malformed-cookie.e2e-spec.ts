import { expectAppwriteError, PROJECT, TestApp } from '../support/test-app';

const COOKIE = `a_session_${PROJECT}`;

/** Issue 7, defect 7: a cookie that does not percent-decode was a 500. */
describe('a malformed session cookie', () => {
  let t: TestApp;
  let secret: string;
  beforeAll(async () => {
    t = await TestApp.start();
    const user = await t.createUser({ email: 'cookie@example.com' });
    secret = (await t.request('POST', `/v1/users/${user.$id}/sessions`, { body: {} })).body.secret;
  });
  afterAll(async () => {
    await t.stop();
  });

  const account = (cookie?: string) =>
    t.request('GET', '/v1/account', { key: null, headers: cookie === undefined ? {} : { cookie } });

  it(`Cookie: ${COOKIE}=%ZZ on GET /v1/account answers as no session (401), not 500`, async () => {
    const none = await account();
    expectAppwriteError(none, 401, 'general_unauthorized_scope');
    const res = await account(`${COOKIE}=%ZZ`);
    expectAppwriteError(res, 401, 'general_unauthorized_scope');
    expect(res.body.message).toBe(none.body.message);
  });

  it.each([
    ['a lone percent', `${COOKIE}=%`],
    ['a truncated UTF-8 escape', `${COOKIE}=%E0%A4%A`],
    ['an invalid UTF-8 escape', `${COOKIE}=%ff%fe`],
    ['an unterminated quote', `${COOKIE}="abc`],
    ['no value', `${COOKIE}=`],
    ['no equals sign', COOKIE],
    ['only separators', ';;; ; =;'],
    ['a huge value', `${COOKIE}=${'%ZZ'.repeat(3000)}`],
  ])('%s is no session (401)', async (_label, cookie) => {
    expectAppwriteError(await account(cookie), 401, 'general_unauthorized_scope');
  });

  it('a valid session cookie still works next to malformed ones', async () => {
    const res = await account(`other=%ZZ; ${COOKIE}=${secret}; third=%`);
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('cookie@example.com');
  });
});
