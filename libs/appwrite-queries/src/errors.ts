import { ArgumentInvalidError, QueryInvalidError } from '@libs/http';

/** A query that parsed but is not acceptable: 400 `general_argument_invalid`, as Appwrite's validator. */
export function invalidQuery(reason: string): ArgumentInvalidError {
  return ArgumentInvalidError.invalid('queries', `Invalid query: ${reason}`);
}

/** A query that cannot be parsed: 400 `general_query_invalid`. */
export function unparsableQuery(reason: string): QueryInvalidError {
  return new QueryInvalidError(`Invalid query: ${reason}`);
}

/** PHP's `gettype` names, because Appwrite's parse errors use them ("Must be a string, got array"). */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
  return typeof value;
}

/** `5000` → `5,000`, without depending on the ICU data Node was built with. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
