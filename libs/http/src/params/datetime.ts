import { fail, ok, ParamValidator } from './param-validator';

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 date-time such as `2030-01-01T00:00:00.000+00:00` (Appwrite's `Datetime` shape); without a zone it
 * is UTC. Returns the `Date`. Calendar nonsense (`2030-02-30`) fails rather than rolling over.
 */
export const isoDateTime: ParamValidator<Date> = {
  description: 'Value must be valid date in ISO 8601 format.',
  schema: { type: 'string', format: 'date-time', example: '2030-01-01T00:00:00.000+00:00' },
  parse(value) {
    if (typeof value !== 'string') return fail();
    const match = ISO_8601.exec(value.trim());
    if (!match) return fail();
    const [, y, m, d, hh = '00', mm = '00', ss = '00', frac = '', zone = 'Z'] = match;
    const millis = frac.padEnd(3, '0').slice(0, 3);
    const zoned = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const date = new Date(`${y}-${m}-${d}T${hh}:${mm}:${ss}.${millis}${zoned}`);
    if (Number.isNaN(date.getTime())) return fail();
    // `Date` rolls 30 February over to March: compare the calendar day it read with the one written (in UTC
    // when the zone is UTC, which is the only case where the day cannot shift legitimately).
    const probe = new Date(`${y}-${m}-${d}T00:00:00Z`);
    if (Number.isNaN(probe.getTime()) || probe.getUTCDate() !== Number(d)) return fail();
    return ok(date);
  },
};
