import type { PoolConnection } from 'mysql2/promise';

type Row = unknown[];

interface Pending {
  /** `INSERT INTO t (cols) VALUES` */
  head: string;
  /** The statement's `(?, ?, 1, …)` tuple, or null for the `VALUES ?` form (rows of values). */
  tuple: string | null;
  rows: Row[];
  bytes: number;
}

const INSERT = /^\s*(INSERT\s+INTO\s+[^\s(]+\s*\([^)]*\)\s*VALUES)\s*(\?|\([\s\S]*\))\s*$/i;

/** Whether `text` is one parenthesised group, `(…)`, quotes included: not `(?) ON DUPLICATE KEY … VALUES(a)`. */
function oneTuple(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

function size(values: readonly unknown[]): number {
  let bytes = 0;
  for (const value of values) {
    if (Array.isArray(value)) bytes += size(value);
    else bytes += typeof value === 'string' ? value.length : 8;
  }
  return bytes;
}

/**
 * Runs a projection's statements with its plain INSERTs deferred and merged into multi-row INSERTs, so a
 * replay of a million `user.created` events costs a few thousand round trips instead of two million. Any
 * other statement (an UPDATE, a DELETE, a SELECT that may read a deferred row) first sends what is pending,
 * in the order the tables were first written, so the projection sees the same rows it would have seen.
 * Deferred inserts report no result: projections do not read an INSERT's result (none does today; one that
 * needs it must not be replayed through this).
 */
export class BatchedInserts {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly connection: PoolConnection,
    private readonly maxBytes = 1 << 20,
  ) {}

  /** What the projection is given: only `execute` and `query`, the two calls projections make. */
  readonly sql = {
    execute: (text: string, params: Row = []) => this.statement('execute', text, params),
    query: (text: string, params: Row = []) => this.statement('query', text, params),
  } as unknown as PoolConnection;

  /** Sends every deferred insert. */
  async flush(): Promise<void> {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const pending of all) await this.send(pending);
  }

  private async statement(method: 'execute' | 'query', text: string, params: Row): Promise<unknown> {
    const insert = INSERT.exec(text);
    if (!insert || (insert[2] !== '?' && !oneTuple(insert[2]))) {
      await this.flush();
      // The projection's own arguments, passed through unchanged.
      const values = params as never;
      return method === 'execute'
        ? this.connection.execute(text, values)
        : this.connection.query(text, values);
    }
    const [, head, values] = insert;
    const tuple = values === '?' ? null : values;
    const rows = tuple === null ? (params[0] as Row[]) : [params];
    const key = `${head} ${tuple ?? '?'}`;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = { head, tuple, rows: [], bytes: 0 };
      this.pending.set(key, pending);
    }
    pending.rows.push(...rows);
    pending.bytes += size(rows);
    if (pending.bytes >= this.maxBytes) {
      this.pending.delete(key);
      await this.send(pending);
    }
    return [{ affectedRows: rows.length }, undefined];
  }

  private async send({ head, tuple, rows }: Pending): Promise<void> {
    if (rows.length === 0) return;
    if (tuple === null) {
      await this.connection.query(`${head} ?`, [rows] as never);
      return;
    }
    await this.connection.query(`${head} ${Array(rows.length).fill(tuple).join(', ')}`, rows.flat() as never);
  }
}
