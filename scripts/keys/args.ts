import { parseArgs } from 'node:util';
import { isScope, SCOPES } from '../../src/auth/domain/scopes';

/**
 * The command lines of the keys CLI, checked before anything connects to MySQL (and before the database code
 * is even loaded), so a typo is answered at once.
 */

/** A bad command line: the CLI prints the message in one line and exits 2. */
export class UsageError extends Error {}

export const CREATE_USAGE = `Usage: npm run keys:create -- --scopes SCOPE[,SCOPE...] --name NAME [--expire DATE]
  --scopes  any of: ${SCOPES.join(', ')}
  --name    what the key is for, 1-128 characters (e.g. billing-service)
  --expire  an ISO 8601 date or date-time in the future (e.g. 2027-01-01 or 2027-01-01T00:00:00Z); none: never`;

export interface CreateKeyArgs {
  scopes: string[];
  name: string;
  expire: Date | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Date rolls 2026-02-30 over to March; a typo in a key's expiry should be refused instead. */
function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseCreateArgs(argv: string[], now = new Date()): CreateKeyArgs {
  const { values } = parseArgs({
    args: argv,
    options: { scopes: { type: 'string' }, name: { type: 'string' }, expire: { type: 'string' } },
  });
  if (!values.scopes) throw new UsageError('--scopes is required');
  const scopes = [...new Set(values.scopes.split(',').map((s) => s.trim()))].filter(Boolean);
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length > 0) throw new UsageError(`unknown scope(s): ${unknown.join(', ')}`);
  if (scopes.length === 0) throw new UsageError('--scopes names no scope');
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required');
  if (name.length > 128) throw new UsageError('--name is longer than 128 characters');
  let expire: Date | null = null;
  if (values.expire !== undefined) {
    expire = new Date(values.expire);
    if (!ISO_DATE.test(values.expire) || !isCalendarDate(values.expire) || Number.isNaN(expire.getTime())) {
      throw new UsageError(`--expire is not an ISO 8601 date: ${values.expire}`);
    }
    if (expire.getTime() <= now.getTime()) throw new UsageError(`--expire is in the past: ${values.expire}`);
  }
  return { scopes, name, expire };
}

export const LIST_USAGE = `Usage: npm run keys:list [-- --json]
  --json  one JSON array instead of the table`;

export function parseListArgs(argv: string[]): { json: boolean } {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
  return { json: values.json ?? false };
}

export const REVOKE_USAGE = `Usage: npm run keys:revoke -- ID
  ID  the key's id, as keys:create and keys:list show it`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseRevokeArgs(argv: string[]): { id: string } {
  const { positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true });
  if (positionals.length === 0) throw new UsageError('the id of the key to revoke is missing');
  if (positionals.length > 1) throw new UsageError('one id at a time');
  if (!UUID.test(positionals[0])) throw new UsageError(`not a key id: ${positionals[0]}`);
  return { id: positionals[0].toLowerCase() };
}
