import { formatProgress, MasterKeys, MysqlDataKeys, ProgressMeter } from '@libs/event-store';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { rewrapJwtKeys } from '../../src/jwt';

/** The rotation cannot start or go on: the CLI prints the message in one line and exits 1. */
export class RotateError extends Error {}

/** A failure part-way: what was done stays done (each key is updated on its own). */
export class RotationInterrupted extends Error {
  constructor(
    readonly failure: unknown,
    readonly rewrapped: number,
    readonly total: number,
  ) {
    super(String(failure));
  }
}

export interface RotateResult {
  rewrapped: number;
  /** Live data keys, all wrapped by DATA_KEY now. */
  live: number;
  /** Keys destroyed by erasure: nothing to re-wrap. */
  destroyed: number;
  /** JWT signing keys re-sealed with DATA_KEY (sealed by the same master keys). */
  jwtKeys: number;
}

const NO_TABLE = 'ER_NO_SUCH_TABLE';
const NO_DATABASE = 'ER_BAD_DB_ERROR';

async function counts(pool: Pool): Promise<{ live: number; destroyed: number }> {
  const [[row]] = await pool.query<RowDataPacket[]>(
    `SELECT COALESCE(SUM(master_key_id IS NOT NULL), 0) AS live, COALESCE(SUM(master_key_id IS NULL), 0) AS destroyed
       FROM data_keys`,
  );
  return { live: Number(row.live), destroyed: Number(row.destroyed) };
}

/** Checks that every stored data key can be unwrapped, then re-wraps with DATA_KEY those that another key wraps. */
export async function rotateDataKeys(
  pool: Pool,
  masters: MasterKeys,
  options: { batch: number; print: (line: string) => void; progressIntervalMs?: number },
): Promise<RotateResult> {
  const keys = new MysqlDataKeys(pool, masters);
  let unknown: string[];
  try {
    unknown = await keys.unknownMasterKeys();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === NO_TABLE || code === NO_DATABASE) {
      throw new RotateError(
        `${code === NO_TABLE ? 'no data_keys table' : 'no such database'} at DATABASE_URL: it must name the ` +
          "service's database, and the service must have started on it once",
      );
    }
    throw error;
  }
  if (unknown.length > 0) {
    throw new RotateError(
      `data keys are wrapped by master key ${unknown.join(', ')}, which is neither DATA_KEY ` +
        `(${masters.currentId}) nor in DATA_KEY_PREVIOUS: add the master key used until now to DATA_KEY_PREVIOUS`,
    );
  }
  const total = await keys.countToRewrap();
  const meter = new ProgressMeter(total, options.progressIntervalMs ?? 5000);
  let rewrapped = 0;
  try {
    for (let n = await keys.rewrap(options.batch); n > 0; n = await keys.rewrap(options.batch)) {
      rewrapped += n;
      const progress = meter.advance(n);
      if (progress) options.print(formatProgress('Re-wrapping data keys', progress));
    }
  } catch (error) {
    throw new RotationInterrupted(error, rewrapped, total);
  }
  return { rewrapped, ...(await counts(pool)), jwtKeys: await rewrapJwtKeysIfAny(pool, masters) };
}

/** A database from before JWTs has no `jwt_keys` table: nothing to re-seal. */
async function rewrapJwtKeysIfAny(pool: Pool, masters: MasterKeys): Promise<number> {
  try {
    return await rewrapJwtKeys(pool, masters);
  } catch (error) {
    if ((error as { code?: string }).code === NO_TABLE) return 0;
    throw error;
  }
}
