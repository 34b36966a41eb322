import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { ReadTable } from './read-model';

const MAX_NAME = 64;

/** `a`.`b` with backquotes doubled, for names that come from configuration and the registry. */
export function quote(...parts: string[]): string {
  return parts.map((part) => `\`${part.replace(/`/g, '``')}\``).join('.');
}

/** The database that holds a rebuild's tables under their live names, beside the live database. */
export function shadowDatabaseName(live: string): string {
  const name = `${live}__rebuild`;
  if (name.length > MAX_NAME) {
    throw new Error(`the database name ${live} is too long for a shadow database beside it (${name})`);
  }
  return name;
}

/**
 * The shadow tables of a rebuild: created empty, with the live tables' definitions (`CREATE TABLE … LIKE`), in a
 * database of their own so that the projections write them under the live names; swapped in with one
 * `RENAME TABLE`, which MariaDB runs atomically for all the tables it names.
 */
export class ShadowTables {
  readonly database: string;

  constructor(
    private readonly admin: Pool,
    readonly live: string,
    private readonly tables: readonly ReadTable[],
  ) {
    this.database = shadowDatabaseName(live);
  }

  /** A left-over shadow database (from an interrupted run) is ours to drop: it only ever holds copies. */
  async create(): Promise<void> {
    await this.drop();
    await this.admin.query(`CREATE DATABASE ${quote(this.database)}`);
    for (const table of this.tables) {
      await this.admin.query(
        `CREATE TABLE ${quote(this.database, table.name)} LIKE ${quote(this.live, table.name)}`,
      );
    }
  }

  /** Copies the columns events do not determine from the live rows, so a swap keeps them. */
  async carryOverIgnored(): Promise<void> {
    for (const table of this.tables) {
      const columns = (table.ignore ?? [])
        .filter((ignored) => ignored.carry !== false)
        .map((ignored) => ignored.column);
      if (columns.length === 0) continue;
      const on = table.key.map((k) => `s.${quote(k)} = l.${quote(k)}`).join(' AND ');
      const set = columns.map((c) => `s.${quote(c)} = l.${quote(c)}`).join(', ');
      await this.admin.query(
        `UPDATE ${quote(this.database, table.name)} s JOIN ${quote(this.live, table.name)} l ON ${on} SET ${set}`,
      );
    }
  }

  /**
   * Puts the shadow tables in the live database and the live ones aside, in one atomic statement. Waits at most
   * `lockWaitSeconds` for statements that are using the live tables.
   */
  async swap(lockWaitSeconds: number): Promise<void> {
    const renames = this.tables.flatMap((table) => [
      `${quote(this.live, table.name)} TO ${quote(this.database, `${table.name}__old`)}`,
      `${quote(this.database, table.name)} TO ${quote(this.live, table.name)}`,
    ]);
    const connection = await this.admin.getConnection();
    try {
      await connection.query('SET SESSION lock_wait_timeout = ?', [lockWaitSeconds]);
      await connection.query(`RENAME TABLE ${renames.join(', ')}`);
    } finally {
      connection.destroy();
    }
  }

  async drop(): Promise<void> {
    await this.admin.query(`DROP DATABASE IF EXISTS ${quote(this.database)}`);
  }

  /** The live database's tables of the read models that do not exist (a name that is not migrated yet). */
  async missingLiveTables(): Promise<string[]> {
    const [rows] = await this.admin.query<RowDataPacket[]>(
      'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
      [this.live],
    );
    const present = new Set(rows.map((row) => String(row.name)));
    return this.tables.map((table) => table.name).filter((name) => !present.has(name));
  }
}
