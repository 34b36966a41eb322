import { QueryOrderNullError } from '@libs/http';
import { AttributeType, CompiledQueries, QuerySchema, SqlFragment } from './types';
import { toSqlDatetime } from './values';

interface EffectiveOrder {
  /** Key of the cursor row that holds this order's value. */
  key: string;
  column: string;
  direction: 'ASC' | 'DESC';
  type: AttributeType;
  sequence: boolean;
}

/**
 * The ORDER BY list (without the `ORDER BY` keyword): the explicit orders, then the sequence column
 * ascending as tie-breaker (Appwrite appends `$sequence`), so every page has one total order.
 * With `reverse` every direction flips: for `cursorBefore` the caller queries in reverse order,
 * takes `limit` rows and reverses the page back.
 */
export function orderByClause(compiled: CompiledQueries, schema: QuerySchema, reverse: boolean): string {
  return effectiveOrders(compiled, schema)
    .map((order) => `${order.column} ${reverse ? flip(order.direction) : order.direction}`)
    .join(', ');
}

/**
 * Keyset condition for cursor paging: the rows strictly after (`cursorAfter`) or strictly before
 * (`cursorBefore`) the cursor document in the order of `orderByClause(compiled, schema, false)`.
 * `cursorRow` holds the cursor document's values under the Appwrite names of every `orderBy` attribute
 * plus `$sequence`; `Date` values are accepted for datetime attributes. Returns an empty fragment when
 * `compiled` has no cursor.
 *
 * MySQL and MariaDB sort NULL first in ascending and last in descending order; the condition follows
 * that, so rows with NULL in an order column are neither skipped nor repeated.
 *
 * @throws QueryOrderNullError (`database_query_order_null`) when an order attribute is null on the cursor row.
 */
export function cursorCondition(
  compiled: CompiledQueries,
  cursorRow: Record<string, unknown>,
  schema: QuerySchema,
): SqlFragment {
  if (!compiled.cursor) return { sql: '', params: [] };
  const after = compiled.cursor.direction === 'after';
  const equalities: SqlFragment[] = [];
  const branches: SqlFragment[] = [];
  for (const order of effectiveOrders(compiled, schema)) {
    const value = cursorValue(order, cursorRow);
    // The wanted side holds greater values for after+ASC and before+DESC; otherwise smaller ones,
    // plus NULLs because they sort lowest.
    const greater = after === (order.direction === 'ASC');
    const nullable = !order.sequence;
    const step = greater
      ? `${order.column} > ?`
      : nullable
        ? `(${order.column} < ? OR ${order.column} IS NULL)`
        : `${order.column} < ?`;
    branches.push({
      sql: [...equalities.map((e) => e.sql), step].join(' AND '),
      params: [...equalities.flatMap((e) => e.params), value],
    });
    equalities.push({ sql: `${order.column} = ?`, params: [value] });
  }
  return {
    sql: `(${branches.map((branch) => `(${branch.sql})`).join(' OR ')})`,
    params: branches.flatMap((branch) => branch.params),
  };
}

function effectiveOrders(compiled: CompiledQueries, schema: QuerySchema): EffectiveOrder[] {
  const orders: EffectiveOrder[] = compiled.orderBy.map((order) => ({
    key: order.attribute,
    column: order.column,
    direction: order.direction,
    type: Object.hasOwn(schema.attributes, order.attribute)
      ? schema.attributes[order.attribute].type
      : 'string',
    sequence: order.column === schema.sequenceColumn,
  }));
  // The sequence is unique, so once it is ordered on, a further tie-breaker adds nothing.
  if (!orders.some((order) => order.sequence)) {
    orders.push({
      key: '$sequence',
      column: schema.sequenceColumn,
      direction: 'ASC',
      type: 'integer',
      sequence: true,
    });
  }
  return orders;
}

function cursorValue(order: EffectiveOrder, row: Record<string, unknown>): unknown {
  const value = Object.hasOwn(row, order.key) ? row[order.key] : undefined;
  if (value === null || value === undefined) {
    // A missing sequence is the caller's bug (it did not load the column), not the client's.
    if (order.sequence && order.key === '$sequence') {
      throw new Error('cursorCondition: the cursor row has no $sequence value');
    }
    throw new QueryOrderNullError(order.key);
  }
  if (order.type === 'datetime') return toSqlDatetime(value) ?? value;
  if (order.type === 'boolean' && typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function flip(direction: 'ASC' | 'DESC'): 'ASC' | 'DESC' {
  return direction === 'ASC' ? 'DESC' : 'ASC';
}
