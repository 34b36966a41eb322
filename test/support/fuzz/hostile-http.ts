import { hostileString, randomUnicode } from './hostile-values';
import { Prng } from './prng';

export type Header = [name: string, value: string];

/** Header values are written as UTF-8 bytes, so non-ASCII text reaches the server as raw octets. */
export function headerSafe(value: string): string {
  // Capped, so that most requests get past Node's 16 kB header limit (malformedRequest tests the limit).
  return value.replace(/[\r\n]/g, ' ').slice(0, 4_000);
}

export const CONTENT_TYPES: readonly string[] = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json;;;',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'text/plain',
  'text/html',
  'application/xml',
  'application/octet-stream',
  '*/*',
  '',
  'json',
  'application/jsonx',
  '💥',
];

const RESPONSE_FORMATS = ['1.9.6', '1.6.0', '0.15.0', '99.0.0', 'abc', '1', '', '1.9.6.1', '-1.0.0'];

export interface Credentials {
  project: string;
  key: string;
  sessionSecret: string;
}

/** The request's headers: mostly right credentials (to reach the handlers), plus a few hostile ones. */
export function hostileHeaders(prng: Prng, credentials: Credentials): Header[] {
  const headers: Header[] = [];
  const project = prng.oneOf([
    ...Array<() => string>(12).fill(() => credentials.project),
    () => undefined,
    () => 'other-project',
    () => hostileString(prng),
  ]);
  if (project !== undefined) headers.push(['X-Appwrite-Project', project]);
  const key = prng.oneOf([
    ...Array<() => string>(15).fill(() => credentials.key),
    () => undefined,
    () => hostileString(prng),
    () => `standard_${hostileString(prng)}`,
    () => `ephemeral_${prng.pick(['a.b.c', 'eyJ.eyJ.x', '...', hostileString(prng)])}`,
    () => `dynamic_${'x'.repeat(prng.pick([10, 5_000]))}`,
  ]);
  if (key !== undefined) headers.push(['X-Appwrite-Key', key]);
  const extras: Array<() => Header> = [
    () => ['X-Appwrite-Session', prng.chance(0.3) ? credentials.sessionSecret : hostileString(prng)],
    () => ['Cookie', hostileCookie(prng, credentials)],
    () => ['X-Appwrite-Response-Format', prng.pick(RESPONSE_FORMATS)],
    () => [
      'X-Forwarded-For',
      prng.pick(['1.2.3.4', '::1', 'not-an-ip', '1.2.3.4, 5.6.7.8', hostileString(prng)]),
    ],
    () => ['User-Agent', prng.chance(0.5) ? randomUnicode(prng, prng.int(1, 300)) : hostileString(prng)],
    () => ['X-Request-Id', prng.chance(0.5) ? 'fuzz-req' : hostileString(prng)],
    () => ['Accept', prng.pick(['application/xml', '*/*;q=0', 'text/html', hostileString(prng)])],
    () => ['Accept-Encoding', prng.pick(['gzip, br', 'identity;q=0', '*;q=0'])],
    // Rarely anything but 100-continue: any other value ends the request with a 417 before the app.
    () => ['Expect', prng.chance(0.8) ? '100-continue' : prng.pick(['something-else', hostileString(prng)])],
    () => ['Content-Encoding', prng.pick(['gzip', 'br', 'identity', 'bogus'])],
    () => ['X-HTTP-Method-Override', prng.pick(['DELETE', 'PUT', 'X'])],
    () => ['Origin', prng.pick(['null', 'http://evil.example', hostileString(prng)])],
    () => ['Range', prng.pick(['bytes=0-0', 'bytes=-1', 'garbage'])],
    () => ['If-None-Match', prng.pick(['*', '"x"', hostileString(prng)])],
    () => [`X-${prng.int(0, 1e6)}`, hostileString(prng)],
  ];
  for (let i = prng.pick([0, 1, 2, 4]); i > 0; i--) headers.push(prng.oneOf(extras));
  return headers.map(([name, value]) => [name, headerSafe(value)]);
}

function hostileCookie(prng: Prng, credentials: Credentials): string {
  const name = `a_session_${credentials.project}`;
  return prng.oneOf([
    () => `${name}=%ZZ`,
    () => `${name}=${prng.pick(['%', '%E0%A4%A', '%ff%fe', '"abc', '', '%00'])}`,
    () => `${name}=${hostileString(prng)}`,
    () => `${name}_legacy=${hostileString(prng)}`,
    () => `${name}=${credentials.sessionSecret}; ${name}=%ZZ`,
    () => Array.from({ length: prng.pick([2, 50, 500]) }, (_, i) => `c${i}=${'%'.repeat(i % 3)}`).join('; '),
    () => ';;; ; =;',
    () => hostileString(prng),
  ]);
}

/**
 * Requests Node's parser itself must refuse (or accept oddly), as raw bytes: they exercise the
 * `clientError` path and the router's handling of strange request targets.
 */
export function malformedRequest(prng: Prng, path: string, auth: string): Buffer {
  const text = prng.oneOf<string | Buffer>([
    () =>
      `POST ${path} HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: ${prng.pick(['abc', '-1', '1.5', '', '0x10', '99999999999999999999'])}\r\n\r\n{}`,
    () => `POST ${path} HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
    () =>
      `POST ${path} HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
    () =>
      `POST ${path} HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${prng.pick(['zz', '-1', 'ffffffffffffffffff'])}\r\n{}\r\n0\r\n\r\n`,
    () =>
      `POST ${path} HTTP/1.1\r\nHost: x\r\n${auth}Transfer-Encoding: ${prng.pick(['gzip', 'chunked, chunked', 'identity', 'xchunked'])}\r\n\r\n{}`,
    () => `GET ${path} HTTP/1.1\r\nHost: x\r\n${auth}broken header\r\n\r\n`,
    () => `GET ${path} HTTP/1.1\r\nHost: x\r\n${auth}X-Space : y\r\n\r\n`,
    () => `GET ${path} HTTP/1.1\r\nHost: x\r\n${auth}X-Ctl: a\u0001b\r\n\r\n`,
    () =>
      `GET ${path} HTTP/1.1\r\nHost: x\r\n${auth}X-Big: ${'b'.repeat(prng.pick([16_400, 40_000]))}\r\n\r\n`,
    () => `GET ${path}?${'q'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`,
    () => `${prng.pick(['get', 'FOO', 'G ET', 'PRI', 'GET\t'])} ${path} HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET ${path} HTTP/${prng.pick(['2.0', '0.9', '1.2', '9.9', 'x'])}\r\nHost: x\r\n\r\n`,
    () => `GET ${path}\r\n\r\n`,
    () => `GET http://evil.example${path} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`,
    () => `OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `CONNECT ${prng.pick(['example.com:443', path, '*', '[::1]:0'])} HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET ${path}\u0000x HTTP/1.1\r\nHost: x\r\n\r\n`,
    () => `GET ${path} HTTP/1.1\nHost: x\n${auth.replace(/\r\n/g, '\n')}\n`,
    () => `GET ${path} HTTP/1.1\rHost: x\r\r`,
    () => `GET /${'%ff'.repeat(prng.int(1, 10))} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`,
    () =>
      Buffer.concat([
        Buffer.from(`GET ${path} HTTP/1.1\r\nHost: x\r\nX-Bin: `),
        Buffer.from([0xff, 0xc0, 0x80, 0x7f]),
        Buffer.from('\r\n\r\n'),
      ]),
    () => `\r\n\r\nGET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`,
  ]);
  // Most ask to close after the answer; rawRequest stops at the first complete answer anyway.
  return Buffer.isBuffer(text)
    ? text
    : Buffer.from(text.replace(/\r\n\r\n/, '\r\nConnection: close\r\n\r\n'), 'latin1');
}
