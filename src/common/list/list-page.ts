import {
  CompiledQueries,
  cursorCondition,
  orderByClause,
  QuerySchema,
  SqlFragment,
} from '@libs/appwrite-queries';
import { CursorNotFoundError } from '@libs/http';
import type { Pool, RowDataPacket } from 'mysql2/promise';

/** Appwrite counts at most this many matches (APP_LIMIT_COUNT), which also bounds the cost of `total`. */
export const TOTAL_CAP = 5000;

/** A read table a list route pages through. */
export interface ListTable<Row> {
  /** `users u`: the alias is the one the schema's columns use. */
  from: string;
  columns: string;
  idColumn: string;
  schema: QuerySchema;
  /** Attribute → value of a row, for the cursor condition. */
  cursorValues(row: Row): Record<string, unknown>;
}

export interface Page<Row> {
  total: number;
  rows: Row[];
}

export function whereClause(filters: SqlFragment[]): SqlFragment {
  if (filters.length === 0) return { sql: '', params: [] };
  return {
    sql: `WHERE ${filters.map((f) => `(${f.sql})`).join(' AND ')}`,
    params: filters.flatMap((f) => f.params),
  };
}

/**
 * One page of a list route: filters, then the cursor document's keyset condition, the order (reversed for
 * `cursorBefore` and the page turned back), limit and offset; and `total` over the filters alone, capped.
 * `count` replaces the default count query when a route knows a cheaper one, or is the count already made.
 */
export async function listPage<Row extends RowDataPacket>(
  pool: Pool,
  table: ListTable<Row>,
  compiled: CompiledQueries,
  filters: SqlFragment[],
  options: { withTotal: boolean; count?: SqlFragment | number },
): Promise<Page<Row>> {
  const pageFilters = [...filters];
  if (compiled.cursor) {
    const [found] = await pool.execute<Row[]>(
      `SELECT ${table.columns} FROM ${table.from} WHERE ${table.idColumn} = ?`,
      [compiled.cursor.id],
    );
    if (!found[0]) throw new CursorNotFoundError(compiled.cursor.id);
    pageFilters.push(cursorCondition(compiled, table.cursorValues(found[0]), table.schema));
  }
  const before = compiled.cursor?.direction === 'before';
  const page = whereClause(pageFilters);
  const [rows] = await pool.query<Row[]>(
    `SELECT ${table.columns} FROM ${table.from} ${page.sql} ORDER BY ${orderByClause(compiled, table.schema, before)} LIMIT ? OFFSET ?`,
    [...page.params, compiled.limit, compiled.offset],
  );
  if (before) rows.reverse();
  if (!options.withTotal) return { total: 0, rows };
  if (typeof options.count === 'number') return { total: options.count, rows };
  const all = whereClause(filters);
  const count = options.count ?? {
    sql: `SELECT COUNT(*) AS total FROM (SELECT 1 FROM ${table.from} ${all.sql} LIMIT ${TOTAL_CAP}) m`,
    params: all.params,
  };
  const [counted] = await pool.query<Array<{ total: number } & RowDataPacket>>(count.sql, count.params);
  return { total: Number(counted[0]?.total ?? 0), rows };
}
