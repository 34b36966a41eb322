import { rawRequest } from '../support/raw-http';
import { BOOTSTRAP_KEY, expectAppwriteError, PROJECT, TestApp } from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const AUTH = `X-Appwrite-Project: ${PROJECT}\r\nX-Appwrite-Key: ${BOOTSTRAP_KEY}\r\n`;

/** Issue 7, defect 8: answers Fastify's router or Node's parser gave in their own words. */
describe("errors raised before the application runs answer in Appwrite's body", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('GET /v1/users/%ff: 400 general_argument_invalid, not FST_ERR_BAD_URL', async () => {
    const res = await rawRequest(
      t.url,
      `GET /v1/users/%ff HTTP/1.1\r\nHost: x\r\n${AUTH}Connection: close\r\n\r\n`,
    );
    expectAppwriteError(res, 400, 'general_argument_invalid', 'The request URL is malformed.');
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.text).not.toMatch(/FST_/);
  });

  it("a path id over 100 characters: Appwrite's 400 for the id, not the router's 414", async () => {
    for (const length of [101, 5000]) {
      const res = await t.request('GET', `/v1/users/${'a'.repeat(length)}`);
      expectAppwriteError(
        res,
        400,
        'general_argument_invalid',
        'Invalid `userId` param: UID must contain at most 36 chars.',
      );
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
    const session = await t.request('DELETE', `/v1/users/someone/sessions/${'s'.repeat(300)}`);
    expectAppwriteError(session, 400, 'general_argument_invalid', /^Invalid `sessionId` param/);
  });

  it('a URL over 16 kB: 431 with an Appwrite body and a request id', async () => {
    const res = await rawRequest(
      t.url,
      `GET /v1/users?search=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n${AUTH}Connection: close\r\n\r\n`,
    );
    expectAppwriteError(res, 431, 'general_argument_invalid', /larger than the server accepts/);
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.headers.connection).toBe('close');
  });

  it('headers over 16 kB: 431 with an Appwrite body', async () => {
    const res = await rawRequest(
      t.url,
      `GET /v1/users HTTP/1.1\r\nHost: x\r\n${AUTH}X-Padding: ${'p'.repeat(17_000)}\r\nConnection: close\r\n\r\n`,
    );
    expectAppwriteError(res, 431, 'general_argument_invalid');
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('Content-Length: abc: 400 with an Appwrite body and Connection: close, not "Client Error"', async () => {
    const res = await rawRequest(
      t.url,
      `POST /v1/users HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`,
    );
    expectAppwriteError(res, 400, 'general_argument_invalid', 'The Content-Length header is not valid.');
    expect(res.headers.connection).toBe('close');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it.each([
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n'],
    ['a header without a colon', `GET /v1/users HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n`],
    ['a control character in a header value', `GET /v1/users HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n`],
    [
      'Content-Length with Transfer-Encoding',
      `POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
    ],
    [
      'a bad chunk size',
      `POST /v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    ],
  ])('%s: 400 with an Appwrite body', async (_label, request) => {
    const res = await rawRequest(t.url, request);
    expectAppwriteError(res, 400, 'general_argument_invalid');
    expect(res.headers.connection).toBe('close');
  });

  it("an Expect other than 100-continue: 417 with an Appwrite body, not Node's empty one", async () => {
    const res = await rawRequest(
      t.url,
      `GET /v1/users HTTP/1.1\r\nHost: x\r\n${AUTH}Expect: something-else\r\nConnection: close\r\n\r\n`,
    );
    expectAppwriteError(res, 417, 'general_argument_invalid', 'The Expect header can only be 100-continue.');
    expect(res.headers['x-request-id']).toMatch(UUID);
    const proceed = await rawRequest(
      t.url,
      `GET /v1/users HTTP/1.1\r\nHost: x\r\n${AUTH}Expect: 100-continue\r\nConnection: close\r\n\r\n`,
    );
    expect(proceed.status).toBe(200);
  });

  it('CONNECT: 404 general_route_not_found, not a connection closed without an answer', async () => {
    const res = await rawRequest(t.url, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expectAppwriteError(res, 404, 'general_route_not_found');
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('still serves after all of these', async () => {
    expect((await t.request('GET', '/health/live', { key: null, project: null })).status).toBe(200);
  });
});

describe('X-Request-Id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('keeps a short printable id from the client', async () => {
    for (const id of ['req-123', 'a.B_c:d-9', 'x'.repeat(128)]) {
      const res = await t.request('GET', '/v1/users/none', { headers: { 'x-request-id': id } });
      expect(res.headers.get('x-request-id')).toBe(id);
    }
  });

  it('replaces a long or unprintable id by a fresh one', async () => {
    for (const id of ['x'.repeat(129), 'x'.repeat(5000), 'a b', '<script>', 'id\u00e9']) {
      const res = await rawRequest(
        t.url,
        Buffer.from(
          `GET /v1/users/none HTTP/1.1\r\nHost: x\r\n${AUTH}X-Request-Id: ${id}\r\nConnection: close\r\n\r\n`,
          'latin1',
        ),
      );
      expect(res.status).toBe(404);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
  });
});
