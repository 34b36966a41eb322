import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { fail, ok, orEmpty, ParamValidator } from './param-validator';

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Appwrite's `Phone`: E.164-shaped (`+`, 7–15 digits, no leading 0) **and** accepted by libphonenumber's
 * `parse`. That parse only fails here for an unknown country calling code (e.g. `+999…`, `+28…`); it does not
 * check that the number is possible or valid for the country, which is why `parsePhoneNumberFromString` (not
 * `isPossiblePhoneNumber`/`isValidPhoneNumber`) is the matching call. The minimal metadata is enough: it
 * carries every calling code, including the non-geographic ones (800, 808, 870, 878, 881–883, 888, 979).
 */
export const phone: ParamValidator<string> = {
  description: "Phone number must start with a '+' can have a maximum of fifteen digits.",
  schema: { type: 'string', pattern: E164.source, example: '+16175551212' },
  parse(value) {
    if (typeof value !== 'string' || !E164.test(value)) return fail();
    return parsePhoneNumberFromString(value) ? ok(value) : fail();
  },
};

/** {@link phone} that also accepts `""` — the `number` param of `PATCH /users/{id}/phone` (clears it). */
export const phoneOrEmpty: ParamValidator<string> = orEmpty(phone, {
  type: 'string',
  pattern: `(^$)|(${E164.source})`,
});
