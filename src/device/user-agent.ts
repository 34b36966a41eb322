import { UAParser } from 'ua-parser-js';
import { DeviceInfo } from './device.types';
import {
  BROWSERS,
  CLIENT_TYPES,
  DESKTOP_OS_CODES,
  DEVICE_TYPES,
  OPERATING_SYSTEMS,
} from './user-agent.tables';

/** One ua-parser-js extension: extra regexes per result property. */
type Extension = Exclude<Parameters<typeof UAParser.prototype.useExtension>[0], unknown[]>;

// The package's `exports` map publishes this subpath, but `moduleResolution: node` in tsconfig cannot resolve
// `exports`, so it is required at runtime and typed by hand.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CLIs, Fetchers, Libraries } = require('ua-parser-js/extensions') as Record<
  'CLIs' | 'Fetchers' | 'Libraries',
  Extension
>;

/**
 * Server SDKs and bare runtimes that ua-parser-js does not know. Appwrite SDKs send
 * `Appwrite<Platform>SDK/<version> (…)`; Node's built-in fetch (undici) sends just `node`.
 */
const SERVER_CLIENTS: Extension = {
  browser: [
    [/^(appwrite\w*sdk)\/([\w.-]+)/i],
    ['name', 'version', ['type', 'library']],
    [/^node$/i],
    [
      ['name', 'Node.js'],
      ['type', 'library'],
    ],
  ],
};

const EXTENSIONS: Extension[] = [SERVER_CLIENTS, CLIs, Fetchers, Libraries];

/** ua-parser-js ignores everything past this many characters, so longer input cannot change the result. */
const MAX_UA_LENGTH = 500;
const CACHE_SIZE = 1000;

const cache = new Map<string, Readonly<DeviceInfo>>();

/**
 * Derives Appwrite's Session/Log device fields from a User-Agent header, using DeviceDetector's vocabulary
 * (`WIN`/`Windows`, `CH`/`Chrome`, `smartphone`, …). Unknown parts are `""`; never throws. Results for the
 * most recent ~1000 distinct user agents are cached, since logins repeat the same few strings.
 */
export function parseUserAgent(userAgent: string | undefined): DeviceInfo {
  const ua = typeof userAgent === 'string' ? userAgent.slice(0, MAX_UA_LENGTH) : '';
  let info = cache.get(ua);
  if (info) {
    // Re-inserting moves the key to the end of the Map's insertion order, which is what makes this LRU.
    cache.delete(ua);
  } else {
    info = Object.freeze(safeParse(ua));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(ua, info);
  return { ...info };
}

function safeParse(ua: string): DeviceInfo {
  try {
    return parse(ua);
  } catch {
    // Losing device details is better than failing a login over a hostile header.
    return emptyInfo();
  }
}

function parse(ua: string): DeviceInfo {
  if (ua.trim() === '') return emptyInfo();
  const { browser, engine, os, device } = new UAParser(ua, EXTENSIONS).getResult();

  const [osCode, osName] = lookupOs(os.name);
  const rawName = browser.name ?? '';
  const clientType = !rawName ? '' : browser.type ? (CLIENT_TYPES[browser.type] ?? '') : 'browser';
  // DeviceDetector only gives browsers a short code; libraries, apps and media players have none.
  const [clientCode, clientName] = clientType === 'browser' ? lookupBrowser(rawName, osCode) : ['', rawName];

  const deviceName = device.type
    ? (DEVICE_TYPES[device.type] ?? '')
    : DESKTOP_OS_CODES.has(osCode)
      ? 'desktop'
      : '';
  return {
    osCode,
    osName,
    osVersion: os.version ?? '',
    clientType,
    clientCode,
    clientName,
    clientVersion: browser.version ?? '',
    clientEngine: engine.name ?? '',
    clientEngineVersion: engine.version ?? '',
    deviceName,
    deviceBrand: device.vendor ?? '',
    // DeviceDetector reports Macs as brand Apple without a model; ua-parser-js says "Macintosh".
    deviceModel: device.model === 'Macintosh' ? '' : (device.model ?? ''),
  };
}

function lookupOs(name: string | undefined): [string, string] {
  if (!name) return ['', ''];
  return OPERATING_SYSTEMS[name.toLowerCase()] ?? [fallbackCode(name, 3), name];
}

function lookupBrowser(name: string, osCode: string): [string, string] {
  // DeviceDetector gives Chrome on iOS (CriOS) its own entry; ua-parser-js folds it into Mobile Chrome.
  if (osCode === 'IOS' && name === 'Mobile Chrome') return ['CI', 'Chrome Mobile iOS'];
  return BROWSERS[name.toLowerCase()] ?? [fallbackCode(name, 2), name];
}

function fallbackCode(name: string, length: number): string {
  return name
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, length)
    .toUpperCase();
}

function emptyInfo(): DeviceInfo {
  return {
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
}
