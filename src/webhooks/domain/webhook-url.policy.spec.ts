import { hostAddress, isPublicAddress, parseWebhookUrl } from './webhook-url.policy';

describe('isPublicAddress', () => {
  it.each(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:3b96', '8.8.8.8'])('accepts %s', (a) =>
    expect(isPublicAddress(a)).toBe(true),
  );

  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '2002:a00:1::',
    'not an address',
  ])('refuses %s', (a) => expect(isPublicAddress(a)).toBe(false));
});

describe('parseWebhookUrl', () => {
  it('takes http and https URLs with a host', () => {
    expect(parseWebhookUrl('https://example.com/hook')?.hostname).toBe('example.com');
    expect(parseWebhookUrl('http://[::1]:8080/x')?.hostname).toBe('[::1]');
  });

  it.each([
    'ftp://example.com',
    'file:///etc/passwd',
    'example.com',
    '',
    `https://e.com/${'a'.repeat(2048)}`,
  ])('refuses %j', (value) => expect(parseWebhookUrl(value)).toBeUndefined());

  it('finds IP literals in hosts, v4 and v6', () => {
    expect(hostAddress(new URL('http://127.0.0.1:1/'))).toBe('127.0.0.1');
    expect(hostAddress(new URL('http://[::1]/'))).toBe('::1');
    expect(hostAddress(new URL('http://example.com/'))).toBeUndefined();
  });
});
