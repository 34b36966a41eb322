import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { Reader } from 'maxmind';
import { GeoIpService } from '../../src/device';
import { DeviceModule } from '../../src/device';
import { ConfigError, loadConfig } from '../../src/config/config';
import { ConfigModule } from '../../src/config/config.module';
import { buildMmdb, MmdbNetwork, writeMmdb } from '../support/mmdb-writer';

const NETWORKS: MmdbNetwork[] = [
  {
    network: '81.2.69.0/24',
    country: {
      geoname_id: 2635167,
      iso_code: 'GB',
      names: { en: 'United Kingdom', de: 'Vereinigtes Königreich' },
    },
    registered_country: { geoname_id: 2635167, iso_code: 'GB', names: { en: 'United Kingdom' } },
  },
  // Nested inside the /24 above: the narrower network wins for its addresses only.
  {
    network: '81.2.69.160/27',
    country: { geoname_id: 3042225, iso_code: 'IM', names: { en: 'Isle of Man' } },
  },
  {
    network: '89.160.20.112/28',
    country: { geoname_id: 2661886, iso_code: 'SE', names: { en: 'Sweden' }, is_in_european_union: true },
    location: { latitude: 58.4167, longitude: 15.6167, accuracy_radius: 76 },
  },
  { network: '2001:218::/32', country: { geoname_id: 1861060, iso_code: 'JP', names: { en: 'Japan' } } },
  // Anycast-style entry: only the registered country is known.
  { network: '202.196.224.0/20', registered_country: { iso_code: 'PH', names: { en: 'Philippines' } } },
  // No names in the database: the English name comes from ICU.
  { network: '175.16.199.0/24', country: { iso_code: 'CN' } },
];

const UNKNOWN = { countryCode: '--', countryName: 'Unknown' };

describe('GeoIP (MaxMind DB)', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  async function startService(path?: string): Promise<GeoIpService> {
    const service = new GeoIpService(loadConfig(path ? { GEOIP_DATABASE: path } : {}));
    await service.onModuleInit();
    return service;
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'geoip-'));
    writeMmdb(file('country-v6.mmdb'), NETWORKS);
    writeMmdb(
      file('country-v4.mmdb'),
      NETWORKS.filter((n) => !n.network.includes(':')),
      { ipVersion: 4 },
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('test/support/mmdb-writer', () => {
    it.each([4, 6] as const)('writes an IPv%s database the real reader accepts', (ipVersion) => {
      const networks = NETWORKS.filter((n) => ipVersion === 6 || !n.network.includes(':'));
      const reader = new Reader(buildMmdb(networks, { ipVersion, databaseType: 'Test-Country' }));

      expect(reader.metadata).toMatchObject({
        binaryFormatMajorVersion: 2,
        binaryFormatMinorVersion: 0,
        databaseType: 'Test-Country',
        ipVersion,
        languages: ['en'],
        recordSize: 24,
      });
      expect(reader.metadata.nodeCount).toBeGreaterThan(0);
      expect(Math.abs(reader.metadata.buildEpoch.getTime() - Date.now())).toBeLessThan(60_000);

      const { network: _gb, ...gb } = networks[0];
      const { network: _se, ...se } = networks[2];
      expect(reader.get('81.2.69.142')).toEqual(gb);
      expect(reader.get('81.2.69.0')).toEqual(gb);
      expect(reader.get('81.2.69.255')).toEqual(gb);
      expect(reader.get('81.2.69.170')).toEqual({ country: networks[1].country });
      expect(reader.get('89.160.20.120')).toEqual(se);
      // The reader counts an IPv4 prefix from the ::/96 subtree, so both layouts report /28.
      expect(reader.getWithPrefixLength('89.160.20.120')[1]).toBe(28);
      expect(reader.get('81.2.68.255')).toBeNull();
      expect(reader.get('89.160.20.128')).toBeNull();
      if (ipVersion === 6) {
        expect(reader.get('2001:218:1234::1')).toEqual({ country: networks[3].country });
        expect(reader.get('2001:219::1')).toBeNull();
      }
    });

    it('stores repeated strings once, behind pointers', () => {
      const many = Array.from({ length: 50 }, (_, i) => ({
        network: `10.${i}.0.0/16`,
        country: { iso_code: 'GB', names: { en: 'United Kingdom' } },
        note: `network ${i}`,
      }));
      const buffer = buildMmdb(many, { ipVersion: 4 });
      expect(buffer.toString('latin1').split('United Kingdom')).toHaveLength(2);
      const reader = new Reader(buffer);
      expect(reader.get('10.42.1.1')).toEqual({
        country: { iso_code: 'GB', names: { en: 'United Kingdom' } },
        note: 'network 42',
      });
    });
  });

  describe('GeoIpService with a database', () => {
    let v6: GeoIpService;
    let v4: GeoIpService;

    beforeAll(async () => {
      v6 = await startService(file('country-v6.mmdb'));
      v4 = await startService(file('country-v4.mmdb'));
    });

    it.each([
      ['81.2.69.142', 'gb', 'United Kingdom'],
      ['81.2.69.170', 'im', 'Isle of Man'],
      ['89.160.20.115', 'se', 'Sweden'],
      ['202.196.230.1', 'ph', 'Philippines'],
      ['175.16.199.1', 'cn', 'China'],
    ])('places %s in %s', (ip, countryCode, countryName) => {
      expect(v6.lookup(ip)).toEqual({ countryCode, countryName });
      expect(v4.lookup(ip)).toEqual({ countryCode, countryName });
    });

    it('places IPv6 addresses in an IPv6 database', () => {
      expect(v6.lookup('2001:218::1')).toEqual({ countryCode: 'jp', countryName: 'Japan' });
      expect(v6.lookup('2001:0218:0000:0000:0000:0000:0000:0001')).toEqual({
        countryCode: 'jp',
        countryName: 'Japan',
      });
    });

    it('looks up IPv4-mapped IPv6 addresses as IPv4', () => {
      for (const service of [v6, v4]) {
        expect(service.lookup('::ffff:81.2.69.142')).toEqual({
          countryCode: 'gb',
          countryName: 'United Kingdom',
        });
        expect(service.lookup('::FFFF:5102:458e')).toEqual({
          countryCode: 'gb',
          countryName: 'United Kingdom',
        });
        expect(service.lookup('::ffff:8.8.8.8')).toEqual(UNKNOWN);
        expect(service.lookup('::ffff:127.0.0.1')).toEqual(UNKNOWN);
        expect(service.lookup('::ffff:10.1.2.3')).toEqual(UNKNOWN);
      }
    });

    it('accepts bracketed and zone-scoped forms', () => {
      expect(v6.lookup('[2001:218::1]')).toEqual({ countryCode: 'jp', countryName: 'Japan' });
      expect(v6.lookup(' 81.2.69.142 ')).toEqual({ countryCode: 'gb', countryName: 'United Kingdom' });
      expect(v6.lookup('fe80::1%eth0')).toEqual(UNKNOWN);
    });

    it.each(['8.8.8.8', '81.2.70.1', '89.160.20.128', '2001:219::1', '2606:4700:4700::1111'])(
      'answers --/Unknown for %s, which the database does not cover',
      (ip) => {
        expect(v6.lookup(ip)).toEqual(UNKNOWN);
      },
    );

    it.each([
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.1.1',
      '100.64.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      'ff02::1',
    ])('answers --/Unknown for the non-public address %s', (ip) => {
      expect(v6.lookup(ip)).toEqual(UNKNOWN);
    });

    it.each(['', 'not-an-ip', '81.2.69', '81.2.69.256', '1.2.3.4.5', ':::1', '81.2.69.142/24'])(
      'answers --/Unknown for the malformed address %j',
      (ip) => {
        expect(v6.lookup(ip)).toEqual(UNKNOWN);
      },
    );

    it('tolerates non-string input that slips past the types', () => {
      expect(v6.lookup(undefined as unknown as string)).toEqual(UNKNOWN);
      expect(v6.lookup(['81.2.69.142'] as unknown as string)).toEqual(UNKNOWN);
    });

    it('answers --/Unknown for IPv6 addresses in an IPv4-only database', () => {
      expect(v4.lookup('2001:218::1')).toEqual(UNKNOWN);
    });

    it('hands out independent result objects', () => {
      const first = v6.lookup('10.0.0.1');
      first.countryCode = 'xx';
      expect(v6.lookup('10.0.0.1')).toEqual(UNKNOWN);
    });
  });

  describe('GeoIpService start-up failures', () => {
    it('refuses a path that does not exist, naming GEOIP_DATABASE', async () => {
      const missing = file('missing.mmdb');
      const attempt = startService(missing);
      await expect(attempt).rejects.toBeInstanceOf(ConfigError);
      await expect(startService(missing)).rejects.toThrow(/GEOIP_DATABASE: cannot load ".*missing\.mmdb"/);
    });

    it('refuses a file that is not a MaxMind database, naming GEOIP_DATABASE', async () => {
      writeFileSync(file('garbage.mmdb'), Buffer.from('this is not a MaxMind database\n'.repeat(100)));
      await expect(startService(file('garbage.mmdb'))).rejects.toThrow(/GEOIP_DATABASE/);
    });

    it('refuses an empty file', async () => {
      writeFileSync(file('empty.mmdb'), Buffer.alloc(0));
      await expect(startService(file('empty.mmdb'))).rejects.toThrow(/GEOIP_DATABASE/);
    });

    it('refuses random bytes', async () => {
      const random = Buffer.alloc(4096);
      for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251;
      writeFileSync(file('random.mmdb'), random);
      await expect(startService(file('random.mmdb'))).rejects.toThrow(/GEOIP_DATABASE/);
    });

    it('refuses a database whose metadata survived but whose tree was cut short', async () => {
      const whole = readFileSync(file('country-v6.mmdb'));
      const marker = whole.indexOf(Buffer.from('abcdef4d61784d696e642e636f6d', 'hex'));
      // Keep the metadata, drop everything but the first node of the tree.
      writeFileSync(file('truncated.mmdb'), Buffer.concat([whole.subarray(0, 6), whole.subarray(marker)]));
      await expect(startService(file('truncated.mmdb'))).rejects.toThrow(/GEOIP_DATABASE/);
    });

    it('refuses a directory', async () => {
      await expect(startService(dir)).rejects.toThrow(/GEOIP_DATABASE/);
    });

    it('stops a Nest application from starting', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [ConfigModule.forRoot(loadConfig({ GEOIP_DATABASE: file('missing.mmdb') })), DeviceModule],
      }).compile();
      await expect(moduleRef.init()).rejects.toThrow(/GEOIP_DATABASE/);
      await moduleRef.close().catch(() => undefined);
    });
  });

  describe('GeoIpService without a database', () => {
    it('answers --/Unknown for every address', async () => {
      const service = await startService();
      for (const ip of ['81.2.69.142', '2001:218::1', '::ffff:81.2.69.142', '10.0.0.1', 'garbage']) {
        expect(service.lookup(ip)).toEqual(UNKNOWN);
      }
    });
  });

  describe('DeviceModule', () => {
    it('provides a GeoIpService that loads the configured database', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [
          ConfigModule.forRoot(loadConfig({ GEOIP_DATABASE: file('country-v6.mmdb') })),
          DeviceModule,
        ],
      }).compile();
      await moduleRef.init();
      try {
        expect(moduleRef.get(GeoIpService).lookup('81.2.69.142')).toEqual({
          countryCode: 'gb',
          countryName: 'United Kingdom',
        });
      } finally {
        await moduleRef.close();
      }
    });
  });
});
