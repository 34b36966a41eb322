import { fail, ok, ParamValidator } from './param-validator';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** PHP `number_format($n)`: rounded to an integer, thousands separated by commas. */
export function phpNumberFormat(n: number): string {
  const rounded = Math.round(Math.abs(n));
  const digits = rounded.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 && rounded !== 0 ? '-' : '') + digits;
}

/**
 * Appwrite `Integer()` (scrypt `passwordCpu/Memory/Parallel/Length`): a JSON number that is an integer within
 * signed 32 bits; numeric strings are refused. (PHP also refuses `8.0`, which JSON.parse makes
 * indistinguishable from `8`, so that one is accepted.)
 */
export const integer: ParamValidator<number> = {
  description: `Value must be a valid signed 32-bit integer between ${phpNumberFormat(INT32_MIN)} and ${phpNumberFormat(INT32_MAX)}`,
  schema: { type: 'integer', format: 'int32' },
  parse: (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX
      ? ok(value)
      : fail(),
};

// PHP is_numeric() for strings whose `+ 0` stays an int: optional surrounding whitespace, optional sign,
// digits only (a `.` or exponent would make it a float, which Range's integer format refuses).
const PHP_INTEGER_STRING = /^[ \t\n\r\v\f]*[+-]?\d+[ \t\n\r\v\f]*$/;

/**
 * Appwrite `Range(min, max)` in its integer format (`length`, `expire`, `duration`): an integer, given as a
 * JSON number or a numeric string (query strings and lenient clients), within `min..max` inclusive.
 * Returns the number.
 */
export function range(min: number, max: number): ParamValidator<number> {
  return {
    description: `Value must be a valid range between ${phpNumberFormat(min)} and ${phpNumberFormat(max)}`,
    schema: { type: 'integer', minimum: min, maximum: max },
    parse(value) {
      let n: number;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'string' && PHP_INTEGER_STRING.test(value)) n = Number(value.trim());
      else return fail();
      // Beyond 2^53 the string no longer maps to an exact integer; no Range bound gets near that anyway.
      if (!Number.isSafeInteger(n)) return fail();
      // `+ 0` turns a "-0" string into 0, as PHP's int arithmetic would.
      return n >= min && n <= max ? ok(n + 0) : fail();
    },
  };
}
