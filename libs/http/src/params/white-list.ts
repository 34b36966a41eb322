import { fail, ok, ParamValidator } from './param-validator';

// PHP 8 strtolower() only folds ASCII; String#toLowerCase would also fold e.g. the Kelvin sign to "k".
function asciiLower(value: string): string {
  return value.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Appwrite `WhiteList(values, strict)`. With `caseInsensitive` (Appwrite's default, `strict = false`) the
 * list is lower-cased, also in the description, and the value is compared lower-cased; otherwise the match
 * is exact and the result is typed as one of `values`.
 *
 * The value is returned **as sent** (e.g. `"SHA256"`), as Appwrite passes it on: callers that need the
 * canonical spelling must lower-case it themselves.
 */
export function whiteList<T extends string>(values: readonly T[], caseInsensitive: false): ParamValidator<T>;
export function whiteList(values: readonly string[], caseInsensitive?: boolean): ParamValidator<string>;
export function whiteList(values: readonly string[], caseInsensitive = true): ParamValidator<string> {
  const list = caseInsensitive ? values.map(asciiLower) : [...values];
  return {
    description: `Value must be one of (${list.join(', ')})`,
    schema: { type: 'string', enum: [...values] },
    parse(value) {
      if (typeof value !== 'string') return fail();
      return list.includes(caseInsensitive ? asciiLower(value) : value) ? ok(value) : fail();
    },
  };
}
