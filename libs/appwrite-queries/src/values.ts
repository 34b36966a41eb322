import { invalidQuery } from './errors';
import { AttributeSpec, AttributeType, QuerySchema } from './types';

const EXPECTED: Record<AttributeType, string> = {
  string: 'a string',
  'string[]': 'a string',
  boolean: 'true or false',
  integer: 'an integer',
  datetime: 'an ISO 8601 date',
};

// Appwrite's UID rule (utopia Key validator, MariaDB/MySQL length).
const UID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$/;

// Date, then optionally time with optional fraction and zone. Linear: no nested quantifiers.
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Looks up an attribute by its Appwrite name, ignoring anything inherited from `Object.prototype`. */
export function lookupAttribute(schema: QuerySchema, attribute: string | undefined): AttributeSpec {
  const name = attribute ?? '';
  if (!Object.hasOwn(schema.attributes, name)) throw invalidQuery(`Attribute not found in schema: ${name}`);
  return schema.attributes[name];
}

/**
 * Checks a filter value against the attribute type and returns the SQL parameter: strings as is,
 * booleans as 1/0, integers as numbers, datetimes as UTC `YYYY-MM-DD HH:MM:SS.mmm`.
 */
export function coerceValue(spec: AttributeSpec, attribute: string, value: unknown): unknown {
  let param: unknown;
  switch (spec.type) {
    case 'string':
    case 'string[]':
      param = typeof value === 'string' ? value : undefined;
      break;
    case 'boolean':
      // Strict, like Appwrite's filter validator: "true", 1 and friends are refused.
      param = typeof value === 'boolean' ? (value ? 1 : 0) : undefined;
      break;
    case 'integer':
      param = toSafeInteger(value);
      break;
    case 'datetime':
      param = toSqlDatetime(value);
      break;
  }
  if (param === undefined) {
    throw invalidQuery(
      `Query value is invalid for attribute "${attribute}": expected ${EXPECTED[spec.type]}`,
    );
  }
  return param;
}

/**
 * A safe integer from a number or a decimal string (Appwrite serialises `$sequence` as a string);
 * `undefined` otherwise. Unsafe magnitudes are refused because they would be compared inexactly.
 */
export function toSafeInteger(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^-?\d{1,16}$/.test(value)) n = Number(value);
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

/** Whether `value` passes Appwrite's UID rule (1–36 of `[A-Za-z0-9._-]`, not starting with `._-`). */
export function isUid(value: unknown): value is string {
  return typeof value === 'string' && UID.test(value);
}

/**
 * An ISO 8601 date/datetime string or a `Date` → `YYYY-MM-DD HH:MM:SS.mmm` in UTC, or `undefined`.
 * Strings without a zone are taken as UTC (Appwrite runs in UTC). Fractions beyond milliseconds are
 * truncated because the columns hold milliseconds.
 */
export function toSqlDatetime(value: unknown): string | undefined {
  if (value instanceof Date) return formatUtc(value.getTime());
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATETIME.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const daysInMonth = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  return formatUtc(date.getTime() - offset * 60_000);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function formatUtc(time: number): string | undefined {
  if (!Number.isFinite(time)) return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  // Appwrite's datetime validator accepts 0000-01-01 … 9999-12-31.
  if (year < 0 || year > 9999) return undefined;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.` +
    pad(date.getUTCMilliseconds(), 3)
  );
}

/** Escapes LIKE wildcards and the escape character itself; pair with `ESCAPE '\\'`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}
