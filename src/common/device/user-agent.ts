import { Injectable } from '@nestjs/common';
import { UAParser } from 'ua-parser-js';
import { DeviceInfo } from './device.types';

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

/**
 * ua-parser-js OS names (lower-cased) → DeviceDetector short code and name, so stored sessions and logs read
 * like Appwrite's.
 */
const OPERATING_SYSTEMS: Record<string, [code: string, name: string]> = {
  aix: ['AIX', 'AIX'],
  'amiga os': ['AMG', 'AmigaOS'],
  android: ['AND', 'Android'],
  'android-x86': ['AND', 'Android'],
  arch: ['ARL', 'Arch Linux'],
  bada: ['SBA', 'Bada'],
  beos: ['BEO', 'BeOS'],
  blackberry: ['BLB', 'BlackBerry OS'],
  centos: ['CES', 'CentOS'],
  'chrome os': ['COS', 'Chrome OS'],
  'chromium os': ['CRS', 'Chromium OS'],
  debian: ['DEB', 'Debian'],
  deepin: ['DEE', 'Deepin'],
  dragonfly: ['DFB', 'DragonFly'],
  fedora: ['FED', 'Fedora'],
  'firefox os': ['FOS', 'Firefox OS'],
  freebsd: ['BSD', 'FreeBSD'],
  fuchsia: ['FUC', 'Fuchsia'],
  gentoo: ['GNT', 'Gentoo'],
  haiku: ['HAI', 'Haiku OS'],
  harmonyos: ['HAR', 'HarmonyOS'],
  'hp-ux': ['HPX', 'HP-UX'],
  ios: ['IOS', 'iOS'],
  joli: ['JOL', 'Joli OS'],
  kaios: ['KOS', 'KaiOS'],
  knoppix: ['KNO', 'Knoppix'],
  kubuntu: ['KBT', 'Kubuntu'],
  linspire: ['LNS', 'Linspire'],
  linux: ['LIN', 'GNU/Linux'],
  macos: ['MAC', 'Mac'],
  'mac os': ['MAC', 'Mac'],
  maemo: ['MAE', 'Maemo'],
  mageia: ['MAG', 'Mageia'],
  mandriva: ['MDR', 'Mandriva'],
  meego: ['SMG', 'MeeGo'],
  mint: ['MIN', 'Mint'],
  'morph os': ['MOR', 'MorphOS'],
  netbsd: ['NBS', 'NetBSD'],
  nintendo: ['WII', 'Nintendo'],
  openbsd: ['OBS', 'OpenBSD'],
  openharmony: ['OHS', 'OpenHarmony'],
  openvms: ['OVS', 'OpenVMS'],
  'os/2': ['OS2', 'OS/2'],
  palm: ['POS', 'palmOS'],
  pclinuxos: ['PCL', 'PCLinuxOS'],
  pico: ['PIC', 'PICO OS'],
  playstation: ['PS3', 'PlayStation'],
  raspbian: ['RAS', 'Raspbian'],
  redhat: ['RHT', 'Red Hat'],
  'risc os': ['ROS', 'RISC OS'],
  sabayon: ['SAB', 'Sabayon'],
  sailfish: ['SAF', 'Sailfish OS'],
  serenityos: ['SER', 'SerenityOS'],
  series40: ['S40', 'Symbian OS Series 40'],
  slackware: ['SLW', 'Slackware'],
  solaris: ['SOS', 'Solaris'],
  suse: ['SSE', 'SUSE'],
  symbian: ['SYM', 'Symbian'],
  tizen: ['TIZ', 'Tizen'],
  ubuntu: ['UBT', 'Ubuntu'],
  vectorlinux: ['VLN', 'VectorLinux'],
  watchos: ['WAS', 'watchOS'],
  webos: ['WOS', 'webOS'],
  windows: ['WIN', 'Windows'],
  'windows ce': ['WCE', 'Windows CE'],
  'windows iot': ['WIO', 'Windows IoT'],
  'windows mobile': ['WMO', 'Windows Mobile'],
  'windows phone': ['WPH', 'Windows Phone'],
  'windows rt': ['WRT', 'Windows RT'],
  xbox: ['XBX', 'Xbox'],
  xubuntu: ['XBT', 'Xubuntu'],
  zenwalk: ['ZEN', 'Zenwalk'],
};

/**
 * DeviceDetector's desktop OS families (Windows, Mac, GNU/Linux and its distributions, Chrome OS, Unix, BeOS,
 * AmigaOS, OS/2): it reports `desktop` for these when the UA names no device, and so do we.
 */
// prettier-ignore
const DESKTOP_OS_CODES = new Set([
  'WIN', 'MAC', 'LIN', 'ARL', 'CES', 'DEB', 'DEE', 'FED', 'FUC', 'GNT', 'JOL', 'KBT', 'KNO', 'LNS', 'MAG', 'MDR',
  'MIN', 'PCL', 'RAS', 'RHT', 'SAB', 'SER', 'SLW', 'SSE', 'UBT', 'VLN', 'XBT', 'ZEN', 'COS', 'CRS', 'AIX', 'BSD',
  'DFB', 'HPX', 'NBS', 'OBS', 'SOS', 'BEO', 'HAI', 'AMG', 'MOR', 'OS2',
]);

/** ua-parser-js browser names → DeviceDetector short code and name. */
const BROWSERS: Record<string, [code: string, name: string]> = {
  'android browser': ['AN', 'Android Browser'],
  brave: ['BR', 'Brave'],
  chrome: ['CH', 'Chrome'],
  'chrome headless': ['HC', 'Headless Chrome'],
  'chrome webview': ['CV', 'Chrome Webview'],
  chromium: ['CR', 'Chromium'],
  'coc coc': ['CC', 'Coc Coc'],
  duckduckgo: ['DD', 'DuckDuckGo Privacy Browser'],
  ecosia: ['EC', 'Ecosia'],
  edge: ['PS', 'Microsoft Edge'],
  epiphany: ['EP', 'GNOME Web'],
  falkon: ['FA', 'Falkon'],
  fennec: ['FE', 'Fennec'],
  firefox: ['FF', 'Firefox'],
  'firefox focus': ['FK', 'Firefox Focus'],
  'firefox reality': ['FY', 'Firefox Reality'],
  'huawei browser': ['HU', 'Huawei Browser'],
  icecat: ['I4', 'IceCat'],
  ie: ['IE', 'Internet Explorer'],
  iron: ['IR', 'Iron'],
  kindle: ['KI', 'Kindle Browser'],
  konqueror: ['KO', 'Konqueror'],
  'lg browser': ['LG', 'LG Browser'],
  links: ['LI', 'Links'],
  lynx: ['LX', 'Lynx'],
  maxthon: ['MX', 'Maxthon'],
  midori: ['MI', 'Midori'],
  'miui browser': ['MU', 'MIUI Browser'],
  'mobile chrome': ['CM', 'Chrome Mobile'],
  'mobile firefox': ['FM', 'Firefox Mobile'],
  'mobile safari': ['MF', 'Mobile Safari'],
  'oculus browser': ['OC', 'Oculus Browser'],
  opera: ['OP', 'Opera'],
  'opera gx': ['OX', 'Opera GX'],
  'opera mini': ['OI', 'Opera Mini'],
  'opera mobi': ['OM', 'Opera Mobile'],
  'opera neon': ['OG', 'Opera Neon'],
  'opera touch': ['OO', 'Opera Touch'],
  palemoon: ['PM', 'Pale Moon'],
  puffin: ['PU', 'Puffin'],
  qqbrowser: ['QQ', 'QQ Browser'],
  safari: ['SF', 'Safari'],
  'samsung internet': ['SB', 'Samsung Browser'],
  silk: ['MS', 'Mobile Silk'],
  'sogou explorer': ['SE', 'Sogou Explorer'],
  'tizen browser': ['TZ', 'Tizen Browser'],
  ucbrowser: ['UC', 'UC Browser'],
  vivaldi: ['VI', 'Vivaldi'],
  'vivo browser': ['VV', 'vivo Browser'],
  waterfox: ['WF', 'Waterfox'],
  whale: ['WH', 'Whale Browser'],
  yandex: ['YA', 'Yandex Browser'],
};

/** ua-parser-js browser.type → DeviceDetector client type; no type means an ordinary browser. */
const CLIENT_TYPES: Record<string, string> = {
  cli: 'library',
  fetcher: 'library',
  library: 'library',
  mediaplayer: 'mediaplayer',
  email: 'pim',
  inapp: 'mobile app',
};

/** ua-parser-js device.type → DeviceDetector device name. */
const DEVICE_TYPES: Record<string, string> = {
  mobile: 'smartphone',
  tablet: 'tablet',
  smarttv: 'tv',
  console: 'console',
  wearable: 'wearable',
};

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

/** Injectable face of {@link parseUserAgent}, for code that prefers constructor injection or needs to mock it. */
@Injectable()
export class DeviceDetector {
  /** See {@link parseUserAgent}. */
  detect(userAgent: string | undefined): DeviceInfo {
    return parseUserAgent(userAgent);
  }
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
