import type { ReadTable } from './read-model';

export type Row = Record<string, unknown>;

/** One cell that differs, or a whole row present on one side only (`column` '*'). */
export interface Difference {
  table: string;
  /** `sequence=12`, `token="ann", user_sequence=12, field=1` */
  key: string;
  column: string;
  live: string;
  rebuilt: string;
}

export const ROW = '*';
export const NO_ROW = '(no row)';
const MAX_SHOWN = 120;

/** A cell as a line of text: strings quoted (so spaces and case show), dates in ISO, bytes in hex. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString();
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex')}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function clip(text: string): string {
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN)}… (${text.length} chars)`;
}

export function showKey(table: ReadTable, row: Row): string {
  return table.key.map((column) => `${column}=${showValue(row[column])}`).join(', ');
}

/**
 * The differences between a live row and the rebuilt row with the same key (either may be missing), over
 * `columns`; the table's ignored columns are never compared. Cells are compared by their text form, which is
 * exact for what MySQL returns (strings, numbers, DATETIME(3) dates, bytes).
 */
export function diffRows(
  table: ReadTable,
  columns: readonly string[],
  live: Row | undefined,
  rebuilt: Row | undefined,
): Difference[] {
  const row = live ?? rebuilt;
  if (!row) return [];
  const key = showKey(table, row);
  if (!live) return [{ table: table.name, key, column: ROW, live: NO_ROW, rebuilt: 'row' }];
  if (!rebuilt) return [{ table: table.name, key, column: ROW, live: 'row', rebuilt: NO_ROW }];
  const ignored = new Set((table.ignore ?? []).map((ignore) => ignore.column));
  const differences: Difference[] = [];
  for (const column of columns) {
    if (ignored.has(column)) continue;
    const a = showValue(live[column]);
    const b = showValue(rebuilt[column]);
    if (a !== b) differences.push({ table: table.name, key, column, live: a, rebuilt: b });
  }
  return differences;
}

/** `users sequence=12 name: live "ANN" | rebuilt "Ann Able"` */
export function formatDifference(difference: Difference): string {
  const where = `${difference.table} ${difference.key}`;
  if (difference.column === ROW) {
    return difference.live === NO_ROW
      ? `${where}: only in the rebuilt table (missing from the live table)`
      : `${where}: only in the live table (the events do not produce it)`;
  }
  return `${where} ${difference.column}: live ${clip(difference.live)} | rebuilt ${clip(difference.rebuilt)}`;
}
