/**
 * One Appwrite query after parsing. `attribute` is absent for `limit`, `offset`, cursors and logical
 * queries; the `values` of `and`/`or` hold nested `Query` objects.
 */
export interface Query {
  method: string;
  attribute?: string;
  values: unknown[];
}

/** How an attribute's values are validated and compared. `string[]` is a multi-valued attribute. */
export type AttributeType = 'string' | 'boolean' | 'datetime' | 'integer' | 'string[]';

/** A piece of SQL with `?` placeholders and the values that fill them, in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** How one Appwrite attribute maps onto SQL. Everything here comes from code, never from a request. */
export interface AttributeSpec {
  /** SQL column expression, e.g. `u.email`; inserted into the SQL text verbatim. */
  column: string;
  type: AttributeType;
  /**
   * Custom SQL for `contains`/`containsAny` (`any`), `containsAll` (`all`) and `notContains` (`none`)
   * on array attributes, e.g. labels kept in a side table. The values are already validated strings.
   * Without it, array attributes are treated as JSON arrays held in `column`.
   */
  contains?: (values: string[], mode: 'any' | 'all' | 'none') => SqlFragment;
  /** Custom SQL for `search`/`notSearch` on this attribute; absent → searching it is refused. */
  search?: (text: string) => SqlFragment;
}

/** What one list route allows. */
export interface QuerySchema {
  /** Keys are Appwrite attribute names such as `$id`, `$createdAt`, `name`, `labels`. */
  attributes: Record<string, AttributeSpec>;
  /** Column that gives insertion order and breaks ties, e.g. `u.sequence` (Appwrite's `$sequence`). */
  sequenceColumn: string;
  /** Methods allowed on this route; default: every supported method. Logs allow only limit and offset. */
  allowedMethods?: readonly string[];
  /** Page size when no `limit` query is given; default 25. */
  defaultLimit?: number;
  /** Largest accepted `limit`; default 5000. Appwrite has no upper bound, we cap to protect the DB. */
  maxLimit?: number;
}

/** The SQL-ready form of a list request's queries. */
export interface CompiledQueries {
  /** Boolean expression without the `WHERE` keyword; `''` when there are no filters. */
  where: SqlFragment;
  /** Explicit orders only, in the order given; the sequence tie-breaker is added by `orderByClause`. */
  orderBy: { attribute: string; column: string; direction: 'ASC' | 'DESC' }[];
  limit: number;
  offset: number;
  /** The first cursor query, if any; the caller loads that document and calls `cursorCondition`. */
  cursor?: { direction: 'after' | 'before'; id: string };
}

/** Input limits; beyond them a request is refused with 400 `general_argument_invalid`. */
export const QUERY_LIMITS = {
  maxQueries: 100,
  maxQueryLength: 4096,
  /** How many `and`/`or` may enclose a query. */
  maxDepth: 3,
  maxValues: 500,
} as const;

/** Appwrite's page size when no `limit` query is given. */
export const DEFAULT_LIMIT = 25;
/** Default `QuerySchema.maxLimit`. */
export const DEFAULT_MAX_LIMIT = 5000;
