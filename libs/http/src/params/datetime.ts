import { fail, ok, ParamValidator } from './param-validator';

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 date, or date and time (UTC when no offset is given), between the years 1000 and 9999, as a
 * `Date`. Impossible dates such as Feb 30 are refused, not rolled over; fractions beyond milliseconds are cut.
 */
export const isoDateTime: ParamValidator<Date> = {
  description:
    'Value must be a valid ISO 8601 date and time between the years 1000 and 9999, e.g. 2030-01-01T00:00:00.000+00:00',
  schema: { type: 'string', format: 'date-time' },
  parse(value) {
    const match = typeof value === 'string' ? DATETIME.exec(value) : null;
    if (!match) return fail();
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
    const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
    const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
    const exact =
      local.getUTCFullYear() === year &&
      local.getUTCMonth() === month - 1 &&
      local.getUTCDate() === day &&
      local.getUTCHours() === hour &&
      local.getUTCMinutes() === minute &&
      local.getUTCSeconds() === second;
    if (!exact || year < 1000) return fail();
    const zone = (match[8] ?? 'Z').toUpperCase();
    const [zoneHours, zoneMinutes] =
      zone === 'Z' ? [0, 0] : [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
    if (zoneHours > 14 || zoneMinutes > 59) return fail();
    const offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
    const utc = new Date(local.getTime() - offsetMinutes * 60_000);
    if (utc.getUTCFullYear() < 1000 || utc.getUTCFullYear() > 9999) return fail();
    return ok(utc);
  },
};
