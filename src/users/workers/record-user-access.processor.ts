import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import type { Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { MYSQL_POOL } from '../../database';
import { closeQueueWorkers, startQueueWorker } from '../../relay';
import { USER_ACCESS_QUEUE, UserAccessJob } from '../infrastructure/user-access.queue';

/**
 * Writes a noted access into `users.accessed_at` (see user-access.queue.ts for why this is not an event).
 * The update applies Appwrite's rule again on the stored value, so a job delivered twice, late or out of
 * order never moves the time back nor refreshes it within the window; `$updatedAt` and the version stay.
 */
@Injectable()
export class RecordUserAccessProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('UserAccess');
  private worker: Worker<UserAccessJob> | undefined;

  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.worker = startQueueWorker<UserAccessJob>(
      USER_ACCESS_QUEUE,
      (job) => this.process(job),
      this.config,
      {
        concurrency: 8,
        onFailed: (job, error) =>
          this.logger.warn(`Access of ${job?.data.userId} not recorded: ${error.message}`),
      },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await closeQueueWorkers(this.config, this.worker);
  }

  async process(job: Pick<Job<UserAccessJob>, 'data'>): Promise<void> {
    const at = new Date(job.data.at);
    const staleBefore = new Date(at.getTime() - this.config.USER_ACCESS_WINDOW_SECONDS * 1000);
    await this.pool.execute(
      'UPDATE users SET accessed_at = ? WHERE id = ? AND sequence = ? AND (accessed_at IS NULL OR accessed_at < ?)',
      [at, job.data.userId, job.data.incarnation, staleBefore],
    );
  }
}
