/**
 * Outcome of {@link ParamValidator.parse}. A failure may carry its own `description` because some Appwrite
 * validators are composites (`AllOf`) whose message names the rule that failed, not a fixed text.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; description?: string };

/**
 * One Appwrite parameter validator: the text Appwrite puts in
 * ``Invalid `<name>` param: <description>``, an OpenAPI fragment for Swagger, and a pure parser.
 */
export interface ParamValidator<T = unknown> {
  /** Appwrite's description, e.g. 'Value must be a valid email address'. */
  readonly description: string;
  /**
   * OpenAPI 3 schema object for this param. Shared between requests: copy it before mutating
   * (e.g. `{ ...v.schema, description }`).
   */
  readonly schema: Record<string, unknown>;
  /** The normalised value (e.g. email lower-cased, labels de-duplicated), or `ok: false`. */
  parse(value: unknown): ParseResult<T>;
}

/** Successful {@link ParseResult}. */
export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** Failed {@link ParseResult}; `description` overrides the validator's own text for this failure only. */
export function fail<T = never>(description?: string): ParseResult<T> {
  return description === undefined ? { ok: false } : { ok: false, description };
}

/** The message a failed parse should report: its own override, else the validator's description. */
export function failureDescription(validator: ParamValidator, result: ParseResult<unknown>): string {
  return (!result.ok && result.description) || validator.description;
}

/**
 * Appwrite's `Nullable` wrapper: accepts `null` (kept as `null`) and appends ` or null` to the description,
 * which is what clients see for e.g. `email` on `POST /users`.
 */
export function nullable<T>(inner: ParamValidator<T>): ParamValidator<T | null> {
  return {
    description: `${inner.description} or null`,
    schema: { ...inner.schema, nullable: true },
    parse(value) {
      if (value === null) return ok(null);
      const result = inner.parse(value);
      // Keep composite overrides readable in the same shape Nullable produces: `<rule> or null`.
      return result.ok || result.description === undefined ? result : fail(`${result.description} or null`);
    },
  };
}

/**
 * Accepts `""` as itself and otherwise defers to `inner`, like Appwrite's `allowEmpty` constructor flags
 * (which test the raw string length, before any trimming).
 */
export function orEmpty<T>(
  inner: ParamValidator<T>,
  schema: Record<string, unknown>,
): ParamValidator<T | ''> {
  return {
    description: inner.description,
    schema,
    parse: (value) => (value === '' ? ok('' as const) : inner.parse(value)),
  };
}

/** A JSON object as produced by a JSON parser (not an array, `null`, class instance or scalar). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
