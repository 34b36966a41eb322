import { fail, ok, ParamValidator } from './param-validator';

/**
 * Length in Unicode code points, which is what PHP's `mb_strlen` counts for UTF-8 input; `.length` would
 * count an emoji as 2.
 */
export function mbLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Appwrite `Text::getDescription()` for the given bounds (and optional allow-list). */
export function textDescription(max: number, min: number, allowList: readonly string[] = []): string {
  let message = 'Value must be a valid string';
  if (min === max) {
    message += ` and exactly ${max} chars`;
  } else {
    if (min) message += ` and at least ${min} chars`;
    if (max) message += ` and no longer than ${max} chars`;
  }
  if (allowList.length > 0) message += ` and only consist of '${allowList.join(', ')}' chars`;
  return message;
}

/**
 * Appwrite `Text(max, min)`: a string of `min`..`max` code points (`max` 0 = unbounded). The value is
 * returned unchanged, so surrounding whitespace is kept, as Appwrite does.
 */
export function text(max: number, min = 1): ParamValidator<string> {
  const schema: Record<string, unknown> = { type: 'string', minLength: min };
  if (max) schema.maxLength = max;
  return {
    description: textDescription(max, min),
    schema,
    parse(value) {
      if (typeof value !== 'string') return fail();
      const length = mbLength(value);
      if (length < min || (max !== 0 && length > max)) return fail();
      return ok(value);
    },
  };
}

/** The `search` query param of list routes: `Text(256)`, so an explicit empty `search=` is a 400. */
export const searchText: ParamValidator<string> = text(256);

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const text128 = text(128);

/**
 * The three `scrypt-modified` key params. Appwrite only declares them `Text(128)`; the base64 shape is
 * checked later by its hasher, which throws a 500 `general_unknown`. Checking it here turns that into a
 * 400 whose message names the param; the `Text` description is kept for length/type failures.
 */
export const base64: ParamValidator<string> = {
  description: textDescription(128, 1),
  schema: { type: 'string', minLength: 1, maxLength: 128, pattern: BASE64.source },
  parse(value) {
    const base = text128.parse(value);
    if (!base.ok) return base;
    return BASE64.test(base.value) ? base : fail('Value must be a valid base64 string');
  },
};
