import { clientErrorResponse } from './client-error';

function parse(response: string) {
  const [head, body] = response.split('\r\n\r\n');
  const [statusLine, ...headers] = head.split('\r\n');
  return { statusLine, headers, body: JSON.parse(body) as Record<string, unknown>, raw: body };
}

describe('clientErrorResponse', () => {
  it('answers a header overflow with 431 and an Appwrite body', () => {
    const res = parse(clientErrorResponse({ code: 'HPE_HEADER_OVERFLOW' }, 'rid-1'));
    expect(res.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(res.body).toEqual({
      message: 'The request URL and headers are larger than the server accepts.',
      code: 431,
      type: 'general_argument_invalid',
      version: '1.9.6',
    });
  });

  it('answers a bad Content-Length and any unknown parser error with 400', () => {
    expect(parse(clientErrorResponse({ code: 'HPE_INVALID_CONTENT_LENGTH' }, 'r')).body).toMatchObject({
      code: 400,
      message: 'The Content-Length header is not valid.',
    });
    for (const code of ['HPE_INVALID_METHOD', undefined, 42]) {
      const res = parse(clientErrorResponse({ code }, 'r'));
      expect(res.statusLine).toBe('HTTP/1.1 400 Bad Request');
      expect(res.body).toMatchObject({ code: 400, type: 'general_argument_invalid' });
    }
  });

  it('answers a timeout with 408', () => {
    expect(parse(clientErrorResponse({ code: 'ERR_HTTP_REQUEST_TIMEOUT' }, 'r')).statusLine).toBe(
      'HTTP/1.1 408 Request Timeout',
    );
  });

  it('writes a complete response that closes the connection and carries the request id', () => {
    const res = parse(clientErrorResponse({ code: 'HPE_INVALID_CONTENT_LENGTH' }, 'rid-2'));
    expect(res.headers).toEqual([
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(res.raw)}`,
      'X-Request-Id: rid-2',
      'Connection: close',
    ]);
  });
});
