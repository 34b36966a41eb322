import { DeviceInfo } from './device.types';
import { parseUserAgent } from './user-agent';

const EMPTY: DeviceInfo = {
  osCode: '',
  osName: '',
  osVersion: '',
  clientType: '',
  clientCode: '',
  clientName: '',
  clientVersion: '',
  clientEngine: '',
  clientEngineVersion: '',
  deviceName: '',
  deviceBrand: '',
  deviceModel: '',
};

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('parseUserAgent', () => {
  it.each<[string, string, Partial<DeviceInfo>]>([
    [
      'Chrome on Windows 10',
      CHROME_WINDOWS,
      {
        osCode: 'WIN',
        osName: 'Windows',
        osVersion: '10',
        clientType: 'browser',
        clientCode: 'CH',
        clientName: 'Chrome',
        clientVersion: '120.0.0.0',
        clientEngine: 'Blink',
        clientEngineVersion: '120.0.0.0',
        deviceName: 'desktop',
      },
    ],
    [
      'Edge on Windows 10',
      `${CHROME_WINDOWS} Edg/120.0.2210.91`,
      {
        osCode: 'WIN',
        osName: 'Windows',
        osVersion: '10',
        clientType: 'browser',
        clientCode: 'PS',
        clientName: 'Microsoft Edge',
        clientVersion: '120.0.2210.91',
        clientEngine: 'Blink',
        clientEngineVersion: '120.0.0.0',
        deviceName: 'desktop',
      },
    ],
    [
      'Safari on macOS',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
      {
        osCode: 'MAC',
        osName: 'Mac',
        osVersion: '10.15.7',
        clientType: 'browser',
        clientCode: 'SF',
        clientName: 'Safari',
        clientVersion: '17.2',
        clientEngine: 'WebKit',
        clientEngineVersion: '605.1.15',
        deviceName: 'desktop',
        deviceBrand: 'Apple',
      },
    ],
    [
      'Firefox on Linux',
      'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
      {
        osCode: 'LIN',
        osName: 'GNU/Linux',
        clientType: 'browser',
        clientCode: 'FF',
        clientName: 'Firefox',
        clientVersion: '121.0',
        clientEngine: 'Gecko',
        clientEngineVersion: '121.0',
        deviceName: 'desktop',
      },
    ],
    [
      'Firefox on Ubuntu',
      'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
      {
        osCode: 'UBT',
        osName: 'Ubuntu',
        clientType: 'browser',
        clientCode: 'FF',
        clientName: 'Firefox',
        clientVersion: '121.0',
        clientEngine: 'Gecko',
        clientEngineVersion: '121.0',
        deviceName: 'desktop',
      },
    ],
    [
      'Chrome on ChromeOS',
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      {
        osCode: 'COS',
        osName: 'Chrome OS',
        osVersion: '14541.0.0',
        clientType: 'browser',
        clientCode: 'CH',
        clientName: 'Chrome',
        clientVersion: '120.0.0.0',
        clientEngine: 'Blink',
        clientEngineVersion: '120.0.0.0',
        deviceName: 'desktop',
      },
    ],
    [
      'Safari on iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
      {
        osCode: 'IOS',
        osName: 'iOS',
        osVersion: '17.2',
        clientType: 'browser',
        clientCode: 'MF',
        clientName: 'Mobile Safari',
        clientVersion: '17.2',
        clientEngine: 'WebKit',
        clientEngineVersion: '605.1.15',
        deviceName: 'smartphone',
        deviceBrand: 'Apple',
        deviceModel: 'iPhone',
      },
    ],
    [
      'Chrome on iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
      {
        osCode: 'IOS',
        osName: 'iOS',
        osVersion: '17.2',
        clientType: 'browser',
        clientCode: 'CI',
        clientName: 'Chrome Mobile iOS',
        clientVersion: '120.0.6099.119',
        clientEngine: 'WebKit',
        clientEngineVersion: '605.1.15',
        deviceName: 'smartphone',
        deviceBrand: 'Apple',
        deviceModel: 'iPhone',
      },
    ],
    [
      'Chrome on an Android phone',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36',
      {
        osCode: 'AND',
        osName: 'Android',
        osVersion: '14',
        clientType: 'browser',
        clientCode: 'CM',
        clientName: 'Chrome Mobile',
        clientVersion: '120.0.6099.144',
        clientEngine: 'Blink',
        clientEngineVersion: '120.0.6099.144',
        deviceName: 'smartphone',
        deviceBrand: 'Google',
        deviceModel: 'Pixel 8',
      },
    ],
    [
      'Safari on iPad',
      'Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
      {
        osCode: 'IOS',
        osName: 'iOS',
        osVersion: '17.2',
        clientType: 'browser',
        clientCode: 'MF',
        clientName: 'Mobile Safari',
        clientVersion: '17.2',
        clientEngine: 'WebKit',
        clientEngineVersion: '605.1.15',
        deviceName: 'tablet',
        deviceBrand: 'Apple',
        deviceModel: 'iPad',
      },
    ],
    [
      'Samsung Internet on a smart TV',
      'Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36',
      {
        osCode: 'TIZ',
        osName: 'Tizen',
        osVersion: '6.0',
        clientType: 'browser',
        clientCode: 'SB',
        clientName: 'Samsung Browser',
        clientVersion: '4.0',
        clientEngine: 'Blink',
        clientEngineVersion: '76.0.3809.146',
        deviceName: 'tv',
        deviceBrand: 'Samsung',
      },
    ],
    ['curl', 'curl/8.5.0', { clientType: 'library', clientName: 'curl', clientVersion: '8.5.0' }],
    [
      'the Appwrite Node.js SDK',
      'AppwriteNodeJSSDK/27.1.0 (linux; x64) Node.js/v20.20.2',
      {
        osCode: 'LIN',
        osName: 'GNU/Linux',
        clientType: 'library',
        clientName: 'AppwriteNodeJSSDK',
        clientVersion: '27.1.0',
        deviceName: 'desktop',
      },
    ],
    ["Node's built-in fetch", 'node', { clientType: 'library', clientName: 'Node.js' }],
    ['older undici fetch', 'undici', { clientType: 'library', clientName: 'undici' }],
    [
      'node-fetch',
      'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
      { clientType: 'library', clientName: 'node-fetch', clientVersion: '1.0' },
    ],
    ['axios', 'axios/1.6.2', { clientType: 'library', clientName: 'axios', clientVersion: '1.6.2' }],
    ['OkHttp', 'okhttp/4.12.0', { clientType: 'library', clientName: 'okhttp', clientVersion: '4.12.0' }],
    [
      'python-requests',
      'python-requests/2.31.0',
      { clientType: 'library', clientName: 'python-requests', clientVersion: '2.31.0' },
    ],
    [
      "Go's net/http",
      'Go-http-client/1.1',
      { clientType: 'library', clientName: 'Go-http-client', clientVersion: '1.1' },
    ],
    ['an empty string', '', {}],
    ['whitespace', '   ', {}],
    ['garbage', '\u0000\uffff garbage ;;; ((( ###', {}],
  ])('maps %s', (_label, userAgent, expected) => {
    expect(parseUserAgent(userAgent)).toEqual({ ...EMPTY, ...expected });
  });

  it('returns all-empty fields for a missing header', () => {
    expect(parseUserAgent(undefined)).toEqual(EMPTY);
  });

  it('tolerates non-string input that slips past the types', () => {
    expect(parseUserAgent(['a', 'b'] as unknown as string)).toEqual(EMPTY);
    expect(parseUserAgent(42 as unknown as string)).toEqual(EMPTY);
  });

  it('handles a 10 kB user agent quickly and without throwing', () => {
    const started = Date.now();
    expect(parseUserAgent('x'.repeat(10_000))).toEqual(EMPTY);
    expect(parseUserAgent(`${CHROME_WINDOWS} ${'(;'.repeat(5_000)}`)).toMatchObject({
      clientName: 'Chrome',
      osName: 'Windows',
    });
    expect(parseUserAgent('Mozilla/5.0 ('.repeat(800))).toBeDefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives each caller its own copy of a cached result', () => {
    const first = parseUserAgent(CHROME_WINDOWS);
    first.clientName = 'tampered';
    expect(parseUserAgent(CHROME_WINDOWS).clientName).toBe('Chrome');
  });

  it('keeps answering correctly once the cache has been cycled', () => {
    for (let i = 0; i < 2500; i++) parseUserAgent(`curl/8.${i}.0`);
    expect(parseUserAgent('curl/8.5.0').clientVersion).toBe('8.5.0');
    expect(parseUserAgent(CHROME_WINDOWS).clientCode).toBe('CH');
  });
});
