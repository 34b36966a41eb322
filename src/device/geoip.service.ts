import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CountryResponse, open, Reader } from 'maxmind';
import { APP_CONFIG, AppConfig, ConfigError } from '../config';
import { CountryInfo } from './device.types';

/**
 * Addresses no GeoIP database can place: private, loopback, link-local, carrier-grade NAT, multicast and
 * reserved ranges. Answering `--` for them without a lookup also keeps a database's odd entries for them out.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

// Built once: constructing Intl.DisplayNames is far slower than using it.
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Appwrite's answer when an address cannot be placed. */
function unknownCountry(): CountryInfo {
  return { countryCode: '--', countryName: 'Unknown' };
}

/**
 * Country lookups for session and log records, from the MaxMind-format database (GeoLite2/GeoIP2 Country or
 * City, DB-IP, IPinfo …) named by `GEOIP_DATABASE`. Without one every address is `--` / `Unknown`. The file is
 * read into memory at start-up, so {@link lookup} is synchronous.
 */
@Injectable()
export class GeoIpService implements OnModuleInit {
  private readonly logger = new Logger(GeoIpService.name);
  private reader?: Reader<CountryResponse>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Opens the configured database. A missing or unreadable file is a configuration error that stops start-up:
   * silently recording every country as `--` would go unnoticed for months.
   */
  async onModuleInit(): Promise<void> {
    const path = this.config.GEOIP_DATABASE;
    if (!path) return;
    let reader: Reader<CountryResponse>;
    try {
      reader = await open<CountryResponse>(path);
      const { ipVersion, nodeCount } = reader.metadata;
      if ((ipVersion !== 4 && ipVersion !== 6) || !(nodeCount > 0)) {
        throw new Error(`unsupported metadata (ip_version ${ipVersion}, node_count ${nodeCount})`);
      }
      // A truncated file parses its metadata fine and only fails on a lookup; fail now instead of on a login.
      reader.get('1.1.1.1');
      if (ipVersion === 6) reader.get('2606:4700:4700::1111');
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
      throw new ConfigError(
        `Invalid configuration:\n  GEOIP_DATABASE: cannot load "${path}" as a MaxMind DB (.mmdb) file: ${reason}`,
      );
    }
    this.reader = reader;
    const { databaseType, buildEpoch } = reader.metadata;
    this.logger.log(`GeoIP database ${databaseType} built ${buildEpoch.toISOString().slice(0, 10)} loaded`);
  }

  /**
   * Country of an IP address: lower-case ISO 3166-1 alpha-2 code and English name. Private, loopback and
   * malformed addresses, addresses the database does not cover, and every address when no database is
   * configured give `{countryCode: '--', countryName: 'Unknown'}`. IPv4-mapped IPv6 addresses
   * (`::ffff:1.2.3.4`, as reported by dual-stack sockets) are looked up as IPv4. Never throws.
   */
  lookup(ip: string): CountryInfo {
    const reader = this.reader;
    if (!reader) return unknownCountry();
    const address = normalizeIp(ip);
    if (!address) return unknownCountry();
    const v6 = address.includes(':');
    if (NON_PUBLIC.check(address, v6 ? 'ipv6' : 'ipv4')) return unknownCountry();
    // mmdb-lib would walk an IPv6 address's first 32 bits through an IPv4-only tree and return a wrong match.
    if (v6 && reader.metadata.ipVersion === 4) return unknownCountry();

    let record: CountryResponse | null;
    try {
      record = reader.get(address);
    } catch {
      return unknownCountry();
    }
    // Anycast and satellite ranges often carry only the registered country.
    const country = record?.country?.iso_code ? record.country : record?.registered_country;
    const code = country?.iso_code;
    if (typeof code !== 'string' || !/^[A-Za-z]{2}$/.test(code)) return unknownCountry();
    const name = country?.names?.en || REGION_NAMES.of(code.toUpperCase()) || 'Unknown';
    return { countryCode: code.toLowerCase(), countryName: name };
  }
}

/**
 * Canonical form of a client address for lookup, or `undefined` if it is not an IP address. Accepts the
 * bracketed and zone-scoped forms proxies sometimes forward, and unwraps IPv4-mapped IPv6.
 */
function normalizeIp(ip: unknown): string | undefined {
  if (typeof ip !== 'string') return undefined;
  let address = ip.trim();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const zone = address.indexOf('%');
  if (zone !== -1) address = address.slice(0, zone);
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return undefined;
  address = address.toLowerCase();
  const hextets = expandIPv6(address);
  if (hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff) {
    const [high, low] = [hextets[6], hextets[7]];
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  return address;
}

/** The eight 16-bit groups of an address that `net.isIPv6` accepted (so the shape is already valid). */
function expandIPv6(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
