import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import type { Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../../config';
import { MYSQL_POOL } from '../../database';
import { closeQueueWorkers, startQueueWorker } from '../../relay';
import {
  ACCESS_TOKEN_USE_QUEUE,
  ACCESS_TOKEN_USE_WINDOW_MS,
  AccessTokenUseJob,
} from '../infrastructure/access-token-use.queue';

/**
 * Writes a noted use into `access_tokens.last_used_at` (see access-token-use.queue.ts for why this is not an
 * event). The update applies the window again on the stored value, so a job delivered twice, late or out of
 * order never moves the time back nor rewrites it within the window; `$updatedAt` and the version stay. A
 * token deleted meanwhile has no row: nothing happens.
 */
@Injectable()
export class RecordAccessTokenUseProcessor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AccessTokenUse');
  private worker: Worker<AccessTokenUseJob> | undefined;

  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.worker = startQueueWorker<AccessTokenUseJob>(
      ACCESS_TOKEN_USE_QUEUE,
      (job) => this.process(job),
      this.config,
      {
        concurrency: 8,
        onFailed: (job, error) =>
          this.logger.warn(`Use of access token ${job?.data.tokenId} not recorded: ${error.message}`),
      },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await closeQueueWorkers(this.config, this.worker);
  }

  async process(job: Pick<Job<AccessTokenUseJob>, 'data'>): Promise<void> {
    const at = new Date(job.data.at);
    const staleBefore = new Date(at.getTime() - ACCESS_TOKEN_USE_WINDOW_MS);
    await this.pool.execute(
      'UPDATE access_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
      [at, job.data.tokenId, staleBefore],
    );
  }
}
