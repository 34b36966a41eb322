import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';

/**
 * Delivery is at least once, so every consumer records the event ids it has applied. `runOnce` runs `apply`
 * and records the id in one transaction; a replayed job finds the id and changes nothing.
 * `apply` gets the transaction's connection: writes made through it commit or roll back with the record.
 */
export async function runOnce(
  pool: Pool,
  consumer: string,
  eventId: string,
  apply: (tx: PoolConnection) => Promise<void>,
): Promise<'applied' | 'skipped'> {
  const connection = await pool.getConnection();
  try {
    await connection.query('START TRANSACTION');
    try {
      // Locks the (consumer, event) key, so two deliveries of one event running at once apply it once.
      const [result] = await connection.execute(
        'INSERT IGNORE INTO processed_events (consumer, event_id, processed_at) VALUES (?, ?, NOW(3))',
        [consumer, eventId],
      );
      if ((result as { affectedRows: number }).affectedRows === 0) {
        await connection.query('ROLLBACK');
        return 'skipped';
      }
      await apply(connection);
      await connection.query('COMMIT');
      return 'applied';
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    connection.release();
  }
}

/** Whether a consumer has already applied an event (for processors that cannot use one transaction). */
export async function wasProcessed(pool: Pool, consumer: string, eventId: string): Promise<boolean> {
  const [rows] = await pool.execute<RowDataPacket[]>(
    'SELECT 1 FROM processed_events WHERE consumer = ? AND event_id = ?',
    [consumer, eventId],
  );
  return rows.length > 0;
}

export async function markProcessed(pool: Pool, consumer: string, eventId: string): Promise<void> {
  await pool.execute(
    'INSERT IGNORE INTO processed_events (consumer, event_id, processed_at) VALUES (?, ?, NOW(3))',
    [consumer, eventId],
  );
}
