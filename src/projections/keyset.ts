/**
 * `(k1 > ? OR (k1 = ? AND k2 > ?))` for the rows after `last` in key order, with its parameters: a page of a
 * scan ordered by a (composite) primary key, without OFFSET.
 */
export function keysetAfter(
  columns: readonly string[],
  last: readonly unknown[] | undefined,
  column: (name: string) => string,
): { sql: string; params: unknown[] } {
  if (!last) return { sql: '1 = 1', params: [] };
  const build = (i: number): { sql: string; params: unknown[] } => {
    const name = column(columns[i]);
    if (i === columns.length - 1) return { sql: `${name} > ?`, params: [last[i]] };
    const rest = build(i + 1);
    return {
      sql: `(${name} > ? OR (${name} = ? AND ${rest.sql}))`,
      params: [last[i], last[i], ...rest.params],
    };
  };
  return build(0);
}
