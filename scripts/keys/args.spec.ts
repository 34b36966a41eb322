import { parseCreateArgs, parseListArgs, parseRevokeArgs } from './args';

describe('keys CLI arguments', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('reads scopes (deduplicated), name and an optional future expiry', () => {
    expect(
      parseCreateArgs(['--scopes', 'users.read, users.write,users.read', '--name', ' billing '], now),
    ).toEqual({ scopes: ['users.read', 'users.write'], name: 'billing', expire: null });
    expect(
      parseCreateArgs(['--scopes', 'users.read', '--name', 'x', '--expire', '2027-01-01'], now).expire,
    ).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(
      parseCreateArgs(['--scopes', 'users.read', '--name', 'x', '--expire', '2026-06-01T10:00:00+02:00'], now)
        .expire,
    ).toEqual(new Date('2026-06-01T08:00:00Z'));
  });

  it.each([
    [['--name', 'x'], '--scopes is required'],
    [['--scopes', ',', '--name', 'x'], '--scopes names no scope'],
    [['--scopes', 'users.read,root,admin', '--name', 'x'], 'unknown scope(s): root, admin'],
    [['--scopes', 'users.read'], '--name is required'],
    [['--scopes', 'users.read', '--name', '  '], '--name is required'],
    [['--scopes', 'users.read', '--name', 'n'.repeat(129)], '--name is longer than 128 characters'],
    [['--scopes', 'users.read', '--name', 'x', '--expire', 'tomorrow'], '--expire is not an ISO 8601 date'],
    [['--scopes', 'users.read', '--name', 'x', '--expire', '2026-02-30'], '--expire is not an ISO 8601 date'],
    [['--scopes', 'users.read', '--name', 'x', '--expire', '2026-05-31'], '--expire is in the past'],
    [['--scopes', 'users.read', '--name', 'x', '--colour', 'red'], "Unknown option '--colour'"],
    [['--scopes'], "Option '--scopes <value>' argument missing"],
  ])('refuses keys:create %j', (argv, message) => {
    expect(() => parseCreateArgs(argv, now)).toThrow(message);
  });

  it('reads keys:list --json', () => {
    expect(parseListArgs([])).toEqual({ json: false });
    expect(parseListArgs(['--json'])).toEqual({ json: true });
    expect(() => parseListArgs(['--all'])).toThrow("Unknown option '--all'");
  });

  it('reads exactly one key id for keys:revoke', () => {
    const id = '0B2C1D4E-0000-4000-8000-000000000000';
    expect(parseRevokeArgs([id])).toEqual({ id: id.toLowerCase() });
    expect(() => parseRevokeArgs([])).toThrow('the id of the key to revoke is missing');
    expect(() => parseRevokeArgs([id, id])).toThrow('one id at a time');
    expect(() => parseRevokeArgs(['billing'])).toThrow('not a key id: billing');
  });
});
