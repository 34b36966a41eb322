import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import { SEALED, sealData } from '../decoder';
import { Progress, ProgressMeter } from '../progress';
import type { EventRegistry } from '../registry';
import type { EventCipher, SealRequest } from '../types';

export interface ResealOptions {
  /** Events per transaction (default 500). */
  batchSize?: number;
  /** Called at most every `progressIntervalMs` (default 5 s) while the walk runs, and once at its end. */
  onProgress?: (progress: Progress) => void;
  progressIntervalMs?: number;
  /** Asked between batches: true stops the walk, keeping what is done (the next run resumes there). */
  shouldStop?: () => boolean;
  /** The walk's checkpoint row in `reseal_checkpoints` (default `events`). */
  checkpoint?: string;
}

export interface ResealResult {
  /** Events of types with sealed fields walked by this run. */
  scanned: number;
  /** Of those, the ones that held personal fields in clear and were sealed. */
  sealed: number;
  /** The checkpoint: every event up to this position is done. */
  position: number;
  /** False when `shouldStop` ended the walk early. */
  finished: boolean;
}

interface EventRow extends RowDataPacket {
  position: number | string;
  type: string;
  stream_id: string;
  data: string | Record<string, unknown>;
}

/**
 * Seals the personal fields of events written before sealing existed, in place. Events are otherwise never
 * rewritten (the store is append-only); this rewrite is allowed because it changes only how the data is
 * stored, not what it says: every event decodes to the same payload before and after (sealed fields are
 * opened before upcasters run, so no upcaster sees a difference).
 *
 * Walks `events` in position order up to the last event at its start (later ones were written sealed), one
 * transaction per batch: the rows are locked, sealed and updated together with any subject's first data key
 * and with the checkpoint, so a crash loses at most the batch in flight and a new run resumes after the last
 * committed one. Rows already sealed are left alone, so running it again changes nothing.
 */
export async function resealHistory<E extends { data: object }>(
  pool: Pool,
  registry: EventRegistry<E>,
  cipher: EventCipher<PoolConnection>,
  options: ResealOptions = {},
): Promise<ResealResult> {
  const name = options.checkpoint ?? 'events';
  const batchSize = options.batchSize ?? 500;
  const types = registry
    .types()
    .filter((t) => t.sealed.length > 0)
    .map((t) => t.type);
  let position = await readCheckpoint(pool, name);
  if (types.length === 0) return { scanned: 0, sealed: 0, position, finished: true };

  const [[{ last }]] = await pool.query<RowDataPacket[]>(
    'SELECT COALESCE(MAX(position), 0) AS last FROM events',
  );
  const end = Number(last);
  const [[{ total }]] = await pool.query<RowDataPacket[]>(
    'SELECT COUNT(*) AS total FROM events WHERE position > ? AND position <= ? AND type IN (?)',
    [position, end, types],
  );
  const meter = new ProgressMeter(Number(total), options.progressIntervalMs ?? 5000);
  let scanned = 0;
  let sealed = 0;
  for (;;) {
    if (options.shouldStop?.()) return { scanned, sealed, position, finished: false };
    const batch = await resealBatch(pool, registry, cipher, { name, types, position, end, batchSize });
    if (batch.scanned === 0) break;
    ({ position } = batch);
    scanned += batch.scanned;
    sealed += batch.sealed;
    const progress = meter.advance(batch.scanned);
    if (progress) options.onProgress?.(progress);
    if (batch.scanned < batchSize) break;
  }
  options.onProgress?.(meter.current());
  return { scanned, sealed, position, finished: true };
}

async function readCheckpoint(pool: Pool, name: string): Promise<number> {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT position FROM reseal_checkpoints WHERE name = ?', [
    name,
  ]);
  return rows.length > 0 ? Number(rows[0].position) : 0;
}

async function resealBatch<E extends { data: object }>(
  pool: Pool,
  registry: EventRegistry<E>,
  cipher: EventCipher<PoolConnection>,
  walk: { name: string; types: string[]; position: number; end: number; batchSize: number },
): Promise<{ scanned: number; sealed: number; position: number }> {
  const tx = await pool.getConnection();
  try {
    await tx.query('START TRANSACTION');
    try {
      const [rows] = await tx.query<EventRow[]>(
        `SELECT position, type, stream_id, data FROM events
          WHERE position > ? AND position <= ? AND type IN (?) ORDER BY position LIMIT ? FOR UPDATE`,
        [walk.position, walk.end, walk.types, walk.batchSize],
      );
      let sealed = 0;
      for (const row of rows) {
        const data =
          typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data;
        const seal = sealingOf(registry, row, data);
        if (!seal) continue;
        const stored = await sealData(tx, cipher, data, seal);
        await tx.query('UPDATE events SET data = ? WHERE position = ?', [
          JSON.stringify(stored),
          row.position,
        ]);
        sealed += 1;
      }
      const position = rows.length > 0 ? Number(rows[rows.length - 1].position) : walk.position;
      await tx.query(
        `INSERT INTO reseal_checkpoints (name, position, sealed, updated_at) VALUES (?, ?, ?, NOW(3))
         ON DUPLICATE KEY UPDATE position = VALUES(position), sealed = sealed + VALUES(sealed),
           updated_at = VALUES(updated_at)`,
        [walk.name, position, sealed],
      );
      await tx.query('COMMIT');
      return { scanned: rows.length, sealed, position };
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    tx.release();
  }
}

/** What to seal in a stored row: nothing when it is sealed already or holds none of its type's sealed fields. */
function sealingOf<E extends { data: object }>(
  registry: EventRegistry<E>,
  row: EventRow,
  data: Record<string, unknown>,
): SealRequest | undefined {
  if (SEALED in data) return undefined;
  if (!registry.sealedFields(row.type).some((field) => field in data)) return undefined;
  try {
    return registry.sealing(row.type, row.stream_id, data);
  } catch (error) {
    throw new Error(
      `Cannot seal the event at position ${row.position}: ${(error as Error).message}. ` +
        'Its personal fields stay in clear until this is fixed.',
      { cause: error },
    );
  }
}
