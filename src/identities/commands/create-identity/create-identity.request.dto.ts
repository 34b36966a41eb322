import { customId, emailOrEmpty, fail, ok, ParamValidator, text } from '@libs/http/params';
import { defineParams } from '../../../common';

const PROVIDER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Provider names as Appwrite's OAuth providers spell them (`github`, `paypalSandbox`): 1-128 key chars. */
export const providerName: ParamValidator<string> = {
  description:
    'Value must contain 1 to 128 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. ' +
    "Can't start with a special char",
  schema: { type: 'string', minLength: 1, maxLength: 128, pattern: PROVIDER.source },
  parse: (value) => (typeof value === 'string' && PROVIDER.test(value) ? ok(value) : fail()),
};

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * ISO 8601 date and time (UTC when no offset is given) within DATETIME's years 1000-9999, normalised to
 * `toISOString()`; `""` means none (null). Impossible dates such as Feb 30 are refused, not rolled over.
 */
export const isoDateTimeOrEmpty: ParamValidator<string | null> = {
  description:
    'Value must be a valid ISO 8601 date and time between the years 1000 and 9999, e.g. 2030-01-01T00:00:00.000+00:00',
  schema: { type: 'string', format: 'date-time' },
  parse(value) {
    if (value === '') return ok(null);
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
    return ok(utc.toISOString());
  },
};

/** Appwrite's column sizes: provider 128, providerUid 2048, providerEmail 320, tokens 16384. */
export const CreateIdentityRequest = defineParams<{
  identityId: string;
  provider: string;
  providerUid: string;
  providerEmail: string;
  providerAccessToken: string;
  providerAccessTokenExpiry: string | null;
  providerRefreshToken: string;
}>('CreateIdentityRequest', {
  identityId: {
    validator: customId,
    default: 'unique()',
    description: 'Custom id, or `unique()` (the default) for a generated one',
    example: 'unique()',
  },
  provider: { validator: providerName, required: true, example: 'github' },
  providerUid: {
    validator: text(2048),
    required: true,
    description: "The user's id at the provider, 1-2048 chars",
    example: '583231',
  },
  providerEmail: { validator: emailOrEmpty, default: '', example: 'octocat@github.com' },
  providerAccessToken: { validator: text(16384, 0), default: '', description: 'Up to 16384 chars' },
  providerAccessTokenExpiry: {
    validator: isoDateTimeOrEmpty,
    default: null,
    example: '2030-01-01T00:00:00.000+00:00',
  },
  providerRefreshToken: { validator: text(16384, 0), default: '', description: 'Up to 16384 chars' },
});
