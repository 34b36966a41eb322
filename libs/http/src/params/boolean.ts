import { fail, ok, ParamValidator } from './param-validator';

const DESCRIPTION = 'Value must be a valid boolean';
const SCHEMA = { type: 'boolean' };

/**
 * Appwrite `Boolean(true)` (`status`, `impersonator`, `total`): JSON booleans plus `"true"`/`"false"`,
 * `"1"`/`"0"` and `1`/`0`, normalised to a boolean. Query strings always arrive as strings, so GET params
 * need this one.
 *
 * Appwrite hands the raw value to a PHP `bool` parameter, where the string `"false"` coerces to `true`;
 * that is a PHP accident, not a contract, so `"false"` means `false` here.
 */
export const looseBoolean: ParamValidator<boolean> = {
  description: DESCRIPTION,
  schema: SCHEMA,
  parse(value) {
    if (typeof value === 'boolean') return ok(value);
    if (value === 'true' || value === '1' || value === 1) return ok(true);
    if (value === 'false' || value === '0' || value === 0) return ok(false);
    return fail();
  },
};

/** Appwrite `Boolean()` (`emailVerification`, `phoneVerification`, `mfa`): JSON booleans only. */
export const strictBoolean: ParamValidator<boolean> = {
  description: DESCRIPTION,
  schema: SCHEMA,
  parse: (value) => (typeof value === 'boolean' ? ok(value) : fail()),
};
