import { connectionFailure, endpointOf } from './connection-errors';

describe('connection errors', () => {
  it('names the cause of a failure to reach a server, from the code or the driver message', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    expect(connectionFailure(error('ECONNREFUSED'))).toBe('connection refused');
    expect(connectionFailure(error('ENOTFOUND'))).toBe('host name not found');
    expect(connectionFailure(error('PROTOCOL_CONNECTION_LOST'))).toBe('connection lost');
    expect(connectionFailure(new AggregateError([error('ECONNREFUSED'), error('ECONNREFUSED')]))).toBe(
      'connection refused',
    );
    expect(
      connectionFailure(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    ).toBe('not connected');
  });

  it('says nothing of other errors', () => {
    expect(connectionFailure(Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY' }))).toBeUndefined();
    expect(connectionFailure(new TypeError('x is undefined'))).toBeUndefined();
    expect(connectionFailure('text')).toBeUndefined();
  });

  it('gives host:port of a URL without its credentials, with the scheme default port', () => {
    expect(endpointOf('mysql://root:s3cret@db.internal/identity')).toBe('db.internal:3306');
    expect(endpointOf('redis://:pw@127.0.0.1:6380')).toBe('127.0.0.1:6380');
    expect(endpointOf('rediss://user:pw@[::1]/0')).toBe('[::1]:6379');
    expect(endpointOf('not a url')).toBe('(invalid URL)');
  });
});
