import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Pool, ResultSetHeader } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { MYSQL_POOL } from '../../database';
import { closeQueueWorkers, queuePrefix, workerConnectionOptions } from '../../relay';

/** Maintenance queue (not an event queue, so not in `QUEUES`): one repeatable purge job. */
export const LOG_RETENTION_QUEUE = 'log-retention';
const SCHEDULER_ID = 'purge-old-logs';
const EVERY_MS = 60 * 60 * 1000;
/** Deleting in chunks keeps each transaction, its undo log and its row locks small. */
const CHUNK = 10_000;
/** Idempotency records outlive any redelivery: failed jobs are kept 7 days, retries last minutes. */
const PROCESSED_EVENTS_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes activity logs older than LOG_RETENTION_DAYS and idempotency records older than 30 days, every
 * hour, through a BullMQ job scheduler: however many workers run, one of them runs each purge.
 */
@Injectable()
export class LogRetentionProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LogRetention');
  private queue: Queue | undefined;
  private worker: Worker | undefined;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Worker-style connections for the queue too: its one command (the scheduler upsert) should wait out a
    // Redis outage at start rather than fail.
    const options = { connection: workerConnectionOptions(this.config), prefix: queuePrefix(this.config) };
    this.queue = new Queue(LOG_RETENTION_QUEUE, options);
    this.queue.on('error', () => undefined);
    this.worker = new Worker(LOG_RETENTION_QUEUE, () => this.purge(), { ...options, concurrency: 1 });
    this.worker.on('error', () => undefined);
    this.worker.on('failed', (job, error) => this.logger.warn(`Purge ${job?.id} failed: ${error.message}`));
    void this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.retry);
    await closeQueueWorkers(this.config, this.worker, this.queue);
  }

  /** Deletes expired rows; returns how many of each were deleted. */
  async purge(now = Date.now()): Promise<{ activityLogs: number; processedEvents: number }> {
    const logsBefore = new Date(now - this.config.LOG_RETENTION_DAYS * DAY_MS);
    const eventsBefore = new Date(now - PROCESSED_EVENTS_RETENTION_DAYS * DAY_MS);
    const activityLogs = await this.deleteInChunks('activity_logs', 'time', logsBefore);
    const processedEvents = await this.deleteInChunks('processed_events', 'processed_at', eventsBefore);
    if (activityLogs + processedEvents > 0) {
      this.logger.log(`Purged ${activityLogs} activity logs and ${processedEvents} processed-event records`);
    }
    return { activityLogs, processedEvents };
  }

  private async deleteInChunks(table: string, column: string, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [result] = await this.pool.execute<ResultSetHeader>(
        `DELETE FROM ${table} WHERE ${column} < ? ORDER BY ${column} LIMIT ${CHUNK}`,
        [before],
      );
      total += result.affectedRows;
      if (result.affectedRows < CHUNK) return total;
    }
  }

  private async schedule(): Promise<void> {
    try {
      await this.queue?.upsertJobScheduler(
        SCHEDULER_ID,
        { every: EVERY_MS },
        { name: 'purge', opts: { removeOnComplete: { count: 24 }, removeOnFail: { age: 7 * 24 * 3600 } } },
      );
    } catch {
      // Redis is down at start: try again later rather than never purging.
      this.retry = setTimeout(() => void this.schedule(), 60_000).unref();
    }
  }
}
