import { EVENT_STORE_DDL } from '@libs/event-store';
import { createConnection, createPool, Pool, RowDataPacket } from 'mysql2/promise';
import { poolOptionsFromUrl } from '../../src/database/database-url';
import { AppendBarrier } from '../../src/projections/append-barrier';
import { freshDatabaseUrl } from '../support/database';

/**
 * The barrier the projection tools raise: it waits for appends in flight (a lower position may commit after a
 * higher one) and holds new ones back until it is lowered, while reads go on.
 */
describe('AppendBarrier', () => {
  const url = freshDatabaseUrl();
  const options = poolOptionsFromUrl(url, 4);
  let pool: Pool;

  const append = (sql: Pool | Awaited<ReturnType<typeof createConnection>>, n: number) =>
    sql.query(
      `INSERT INTO events (id, stream_type, stream_id, version, type, data, metadata, occurred_at)
       VALUES (UUID(), 'user', ?, 1, 'user.created', '{}', '{}', NOW(3))`,
      [`u${n}`],
    );

  beforeAll(async () => {
    const { database, ...server } = options;
    const admin = await createConnection(server);
    await admin.query(`CREATE DATABASE \`${database}\``);
    await admin.end();
    pool = createPool(options);
    for (const ddl of EVENT_STORE_DDL) await pool.query(ddl);
  });

  afterAll(async () => {
    await pool.query(`DROP DATABASE \`${options.database}\``);
    await pool.end();
  });

  it('reads a position only once every append below it has committed, and holds new appends until lowered', async () => {
    const slow = await createConnection(options);
    const control = await createConnection(options);
    try {
      await append(pool, 1);
      await slow.query('START TRANSACTION');
      await append(slow, 2); // position 2, not committed yet
      await append(pool, 3); // position 3 commits first

      const barrier = new AppendBarrier(control, 30);
      let raised = false;
      const position = barrier.raise().then((p) => {
        raised = true;
        return p;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(raised).toBe(false);
      await slow.query('COMMIT');
      expect(await position).toBe(3);

      let appended = false;
      const held = append(pool, 4).then(() => (appended = true));
      const [[read]] = await pool.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM events');
      expect(Number(read.n)).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(appended).toBe(false);
      await barrier.lower();
      await held;
      expect(await barrier.settledPosition()).toBe(4);
    } finally {
      await slow.end();
      await control.end();
    }
  });

  it('gives up after its wait with a message saying nothing was changed', async () => {
    const slow = await createConnection(options);
    const control = await createConnection(options);
    try {
      await slow.query('START TRANSACTION');
      await append(slow, 10);
      await expect(new AppendBarrier(control, 1).settledPosition()).rejects.toThrow(
        /could not hold appends back within 1 s: a transaction writing the events table did not end/,
      );
      await slow.query('ROLLBACK');
    } finally {
      await slow.end();
      await control.end();
    }
  });
});
