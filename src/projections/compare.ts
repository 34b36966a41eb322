import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { keysetAfter } from './keyset';
import type { ReadTable } from './read-model';
import { Difference, diffRows, Row } from './row-diff';
import { quote } from './shadow';

interface Sides {
  live: string;
  rebuilt: string;
}

async function columnsOf(sql: PoolConnection, database: string, table: string): Promise<string[]> {
  const [rows] = await sql.query<RowDataPacket[]>(
    `SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
    [database, table],
  );
  return rows.map((row) => String(row.name));
}

/**
 * Every difference between a live table and its rebuilt copy, read on `sql` (a consistent snapshot): the
 * server joins the two on the primary key and returns only rows that differ, page by page in key order, so a
 * million equal rows cost two scans and no memory. Cells are compared as bytes, so a change of case or of
 * trailing spaces counts under a case-insensitive collation too.
 */
export async function* tableDifferences(
  sql: PoolConnection,
  databases: Sides,
  table: ReadTable,
  page: number,
): AsyncGenerator<Difference> {
  const ignored = new Set((table.ignore ?? []).map((ignore) => ignore.column));
  const columns = (await columnsOf(sql, databases.live, table.name)).filter((c) => !ignored.has(c));
  const same = columns
    .map((c) => `CAST(a.${quote(c)} AS BINARY) <=> CAST(b.${quote(c)} AS BINARY)`)
    .join(' AND ');
  const on = table.key.map((k) => `a.${quote(k)} = b.${quote(k)}`).join(' AND ');
  const order = table.key.map((k) => `a.${quote(k)}`).join(', ');

  // Rows of `from` that differ from (or are missing in) `other`; with `onlyMissing`, just the missing ones.
  async function* scan(from: string, other: string, onlyMissing: boolean): AsyncGenerator<[Row, Row | null]> {
    let last: unknown[] | undefined;
    for (;;) {
      const after = keysetAfter(table.key, last, (k) => `a.${quote(k)}`);
      const missing = `b.${quote(table.key[0])} IS NULL`;
      const [rows] = await sql.query<RowDataPacket[]>(
        {
          sql: `SELECT a.*, b.* FROM ${quote(from, table.name)} a LEFT JOIN ${quote(other, table.name)} b ON ${on}
                 WHERE ${after.sql} AND (${onlyMissing ? missing : `${missing} OR NOT (${same})`})
                 ORDER BY ${order} LIMIT ${page}`,
          nestTables: true,
        },
        after.params,
      );
      for (const row of rows) yield [row.a as Row, row.b[table.key[0]] === null ? null : (row.b as Row)];
      if (rows.length < page) return;
      const lastRow = rows[rows.length - 1].a as Row;
      last = table.key.map((k) => lastRow[k]);
    }
  }

  for await (const [live, rebuilt] of scan(databases.live, databases.rebuilt, false)) {
    yield* diffRows(table, columns, live, rebuilt ?? undefined);
  }
  for await (const [rebuilt] of scan(databases.rebuilt, databases.live, true)) {
    yield* diffRows(table, columns, undefined, rebuilt);
  }
}
