import { ArgumentInvalidError } from '../appwrite-error';
import { failureDescription, nullable, ParamValidator } from './param-validator';

/** One declared param of a route, in the order Appwrite declares them (the first failure is reported). */
export interface ParamSpec {
  name: string;
  validator: ParamValidator;
  /** Must be present as a key; otherwise 400 `Param "<name>" is not optional.` */
  required?: boolean;
  /** Appwrite `Nullable(...)`: `null` is accepted and kept, and the description gains ` or null`. */
  nullable?: boolean;
  /** Value used when the param is absent; returned as is, never validated. */
  default?: unknown;
}

/**
 * Applies Appwrite's param presence rules (utopia `Http::getArguments`/`validate`) to a request body or
 * query object and returns `{ [name]: parsedValue }` for every spec:
 *
 * - absent (no own key, or `undefined`): `required` → {@link ArgumentInvalidError.missing}; else `default`.
 * - present: validated even when empty (`""`, `[]`); failure → {@link ArgumentInvalidError.invalid} with the
 *   validator's description.
 * - present `null`: kept when `nullable`; on an optional non-nullable param Appwrite skips validation and
 *   hands `null` to the action, so it is treated as absent (→ `default`); on a required one it is invalid.
 *
 * Keys without a spec are ignored. A non-object `input` (null, array, string…) counts as empty.
 * Throws nothing but those two errors.
 */
export function validateParams(input: unknown, specs: readonly ParamSpec[]): Record<string, unknown> {
  const source: Record<string, unknown> =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : {};
  const result: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = Object.prototype.hasOwnProperty.call(source, spec.name) ? source[spec.name] : undefined;
    if (value === undefined) {
      if (spec.required) throw ArgumentInvalidError.missing(spec.name);
      result[spec.name] = spec.default;
      continue;
    }
    if (value === null && !spec.nullable && !spec.required) {
      result[spec.name] = spec.default;
      continue;
    }
    const validator: ParamValidator = spec.nullable ? nullable(spec.validator) : spec.validator;
    const parsed = validator.parse(value);
    if (!parsed.ok) throw ArgumentInvalidError.invalid(spec.name, failureDescription(validator, parsed));
    result[spec.name] = parsed.value;
  }
  return result;
}
