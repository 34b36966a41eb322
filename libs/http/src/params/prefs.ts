import secureJsonParse from 'secure-json-parse';
import { fail, isPlainObject, ok, ParamValidator } from './param-validator';

/** `Assoc` default: the longest accepted `json_encode` output. */
export const PREFS_MAX_LENGTH = 65535;

/**
 * Length of PHP's `json_encode($value)` with default flags, derived from `JSON.stringify`: PHP escapes every
 * non-ASCII UTF-16 unit as `\uXXXX` (+5 chars each) and `/` as `\/` (+1; `/` only occurs inside strings).
 * Returns `undefined` when the value cannot be serialised (cycles, BigInt).
 */
export function phpJsonLength(value: unknown): number | undefined {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return undefined;
  }
  if (json === undefined) return undefined;
  let length = json.length;
  for (let i = 0; i < json.length; i++) {
    const unit = json.charCodeAt(i);
    if (unit > 0x7f) length += 5;
    else if (unit === 0x2f) length += 1;
  }
  return length;
}

/** PHP decodes `{"0":…,"1":…}` to a list, which `Assoc` then rejects like a JSON array. */
function looksLikePhpList(object: Record<string, unknown>): boolean {
  const keys = Object.keys(object);
  return keys.length > 0 && keys.every((key, index) => key === String(index));
}

/**
 * `prefs` of `PATCH /users/{id}/prefs`: Appwrite's `Assoc` — a JSON object whose PHP JSON encoding is at most
 * 65535 chars. `[]` is accepted and returned as `{}` (PHP cannot tell an empty object from an empty list);
 * any other array, `null` or scalar is rejected. The object itself is returned (not copied).
 *
 * Approximation: JS orders integer-like keys first, so `{"1":…,"0":…}` is judged as the list PHP would
 * only see for `{"0":…,"1":…}`; lengths of floats may differ by PHP's `.0` suffix.
 */
export const prefs: ParamValidator<Record<string, unknown>> = {
  description: 'Value must be a valid object.',
  schema: { type: 'object', additionalProperties: true, example: { theme: 'dark' } },
  parse(value) {
    if (Array.isArray(value)) return value.length === 0 ? ok({}) : fail();
    if (!isPlainObject(value) || looksLikePhpList(value)) return fail();
    const length = phpJsonLength(value);
    return length !== undefined && length <= PREFS_MAX_LENGTH ? ok(value) : fail();
  },
};

/**
 * {@link prefs}, also given as a JSON string (how Appwrite 0.x clients could send it): the string is parsed
 * with prototype-poisoning keys dropped, as request bodies are, then validated like an object.
 */
export const prefsOrJsonString: ParamValidator<Record<string, unknown>> = {
  ...prefs,
  parse(value) {
    if (typeof value !== 'string') return prefs.parse(value);
    let parsed: unknown;
    try {
      parsed = secureJsonParse.parse(value, undefined, {
        protoAction: 'remove',
        constructorAction: 'remove',
      });
    } catch {
      return fail();
    }
    return prefs.parse(parsed);
  },
};
