import { MysqlEventStore } from '@libs/event-store';
import { Connection, createConnection, createPool, Pool, PoolOptions, RowDataPacket } from 'mysql2/promise';
import type { AppEventDecoder } from '../database';
import { AppendBarrier } from './append-barrier';
import { tableDifferences } from './compare';
import { ProgressReporter } from './progress';
import type { ReadModel } from './read-model';
import { Replay } from './replay';
import { Difference } from './row-diff';
import { ShadowTables } from './shadow';

/** Something the operator can fix (or retry): the CLI prints the message in one line and exits 1. */
export class ProjectionToolError extends Error {}

export interface ToolOptions {
  /** mysql2 options of the live database (`poolOptionsFromUrl`). */
  connection: PoolOptions & { database: string };
  decoder: AppEventDecoder;
  reporter: ProgressReporter;
  /** Events per replayed batch. */
  batch: number;
  /** How long the barrier and the swap may wait for statements in progress. */
  lockWaitSeconds: number;
}

export interface VerifyResult {
  differences: number;
  /** The first differences, in table and key order. */
  shown: Difference[];
  position: number;
  events: number;
}

export interface RebuildResult {
  position: number;
  events: number;
  /** Events appended while the rebuild ran, replayed by the catch-up passes before the swap. */
  caughtUp: number;
}

/** A catch-up pass this small is followed by the final one, under the barrier. */
const SMALL_PASS = 500;
const MAX_PASSES = 10;

/**
 * `verify` and `rebuild`: replays the event store into shadow tables with the modules' own projections, then
 * compares them with the live tables, or swaps them in. Appends go on meanwhile; the barrier (see
 * AppendBarrier) is raised briefly to read each position to replay to, and held for the last catch-up and the
 * comparison's snapshot or the swap, so no event commits between the end of the replay and that moment.
 */
export class ProjectionTools {
  private readonly pool: Pool;

  constructor(private readonly options: ToolOptions) {
    this.pool = createPool({ ...options.connection, connectionLimit: 8 });
  }

  async verify(models: readonly ReadModel[], maxShown: number): Promise<VerifyResult> {
    return this.withShadow(models, async (shadow, replayed) => {
      const snapshot = await this.pool.getConnection();
      try {
        const position = await replayed.finish(async () => {
          await snapshot.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
          await snapshot.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
        });
        const result: VerifyResult = { differences: 0, shown: [], position, events: replayed.events };
        const databases = { live: shadow.live, rebuilt: shadow.database };
        for (const table of models.flatMap((model) => model.tables)) {
          this.options.reporter.line(`Comparing ${table.name}`);
          for await (const difference of tableDifferences(snapshot, databases, table, 1000)) {
            result.differences += 1;
            if (result.shown.length < maxShown) result.shown.push(difference);
          }
        }
        await snapshot.query('COMMIT');
        return result;
      } finally {
        snapshot.destroy();
      }
    });
  }

  async rebuild(models: readonly ReadModel[]): Promise<RebuildResult> {
    return this.withShadow(models, async (shadow, replayed) => {
      await shadow.carryOverIgnored();
      const position = await replayed.finish(async () => {
        this.options.reporter.line('Swapping the rebuilt tables in');
        try {
          await shadow.swap(this.options.lockWaitSeconds);
        } catch (error) {
          if ((error as { code?: string }).code !== 'ER_LOCK_WAIT_TIMEOUT') throw error;
          throw new ProjectionToolError(
            `the swap waited ${this.options.lockWaitSeconds} s for statements using the live tables and gave ` +
              'up: the live tables are unchanged; run it again when those statements are done',
          );
        }
      });
      return { position, events: replayed.events, caughtUp: replayed.caughtUp };
    });
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  /**
   * Creates the shadow tables, replays up to a settled position and catches up, then hands over to `work`,
   * whose `finish` runs the last catch-up and the given step under the barrier. Drops the shadow database
   * (with the old tables after a swap) in the end, whatever happened.
   */
  private async withShadow<T>(
    models: readonly ReadModel[],
    work: (shadow: ShadowTables, replayed: Replayed) => Promise<T>,
  ): Promise<T> {
    const { connection, lockWaitSeconds } = this.options;
    const control = await createConnection({ ...connection });
    try {
      await this.exclusive(control);
      const shadow = new ShadowTables(
        this.pool,
        connection.database,
        models.flatMap((m) => m.tables),
      );
      const missing = await shadow.missingLiveTables();
      if (missing.length > 0) {
        throw new ProjectionToolError(
          `no table ${missing.join(', ')} in database ${connection.database}: DATABASE_URL must name the ` +
            "service's database, and the service must have started on it once",
        );
      }
      await shadow.create();
      const shadowPool = createPool({ ...connection, database: shadow.database, connectionLimit: 1 });
      const target = await shadowPool.getConnection();
      try {
        const replay = new Replay(new MysqlEventStore(this.pool), this.options.decoder, models, target);
        const replayed = new Replayed(this, replay, new AppendBarrier(control, lockWaitSeconds));
        await replayed.start();
        return await work(shadow, replayed);
      } finally {
        target.release();
        await shadowPool.end().catch(() => undefined);
        await shadow.drop().catch(() => undefined);
      }
    } finally {
      await control.end().catch(() => control.destroy());
    }
  }

  /** One verify or rebuild per database at a time: they share the shadow database. */
  private async exclusive(control: Connection): Promise<void> {
    const [[row]] = await control.query<RowDataPacket[]>('SELECT GET_LOCK(?, 0) AS acquired', [
      `projections:${this.options.connection.database}`,
    ]);
    if (Number(row.acquired) !== 1) {
      throw new ProjectionToolError(
        `another projections verify or rebuild is running on database ${this.options.connection.database}`,
      );
    }
  }

  /** Replays (after, upTo] with a progress bar; returns the events projected. */
  async replayRange(replay: Replay, label: string, after: number, upTo: number): Promise<number> {
    const [[row]] = await this.pool.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM events WHERE position > ? AND position <= ?',
      [after, upTo],
    );
    const bar = this.options.reporter.start(label, Number(row.n));
    try {
      return await replay.run(after, upTo, { batch: this.options.batch, advanced: (n) => bar.advance(n) });
    } finally {
      bar.done();
    }
  }

  line(text: string): void {
    this.options.reporter.line(text);
  }
}

/** Where a replay stands: the position it has reached, and what it replayed. */
class Replayed {
  position = 0;
  events = 0;
  caughtUp = 0;

  constructor(
    private readonly tools: ProjectionTools,
    private readonly replay: Replay,
    private readonly barrier: AppendBarrier,
  ) {}

  /** Replays every event up to a settled position, then catches up with what was appended meanwhile. */
  async start(): Promise<void> {
    this.position = await this.barrier.settledPosition();
    this.events = await this.tools.replayRange(this.replay, 'Replaying events', 0, this.position);
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const upTo = await this.barrier.settledPosition();
      if (upTo === this.position) return;
      const replayed = await this.tools.replayRange(this.replay, 'Catching up', this.position, upTo);
      this.add(replayed, upTo);
      if (replayed < SMALL_PASS) return;
    }
  }

  /** Under the barrier: replays the last events, then runs `step` before letting appends go on. */
  async finish(step: () => Promise<void>): Promise<number> {
    const upTo = await this.barrier.raise();
    try {
      if (upTo > this.position) {
        this.add(await this.replay.run(this.position, upTo, { batch: 1000 }), upTo);
      }
      await step();
    } finally {
      await this.barrier.lower();
    }
    return this.position;
  }

  private add(replayed: number, upTo: number): void {
    this.events += replayed;
    this.caughtUp += replayed;
    this.position = upTo;
  }
}
