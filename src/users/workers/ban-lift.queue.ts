import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../../config';
import { closeQueueWorkers, queuePrefix, startQueueWorker, workerConnectionOptions } from '../../relay';
import { UserRepository } from '../infrastructure/user.repository';

/** Not an event queue: delayed jobs, one per ban with an expiry, made by the ban-expiry consumer. */
export const BAN_LIFT_QUEUE = 'ban-lift';
const ACTOR = { type: 'system', id: 'ban-expiry' } as const;

export interface BanLiftJob {
  userId: string;
  /** Stream version of the `user.banned` the job lifts: any other ban makes the job a no-op. */
  banVersion: number;
  /** Id of that event, for the causation of the `user.unbanned`. */
  banEventId: string;
}

/**
 * Lifts bans when they run out. The job id is the ban event's id, so a redelivered event schedules nothing
 * twice; the aggregate lifts only the ban the job was made for, so a late, repeated or stale job changes
 * nothing. Login does not wait for it: users' access policy already treats an expired ban as lifted.
 */
@Injectable()
export class BanLiftQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('BanLift');
  private queue: Queue<BanLiftJob> | undefined;
  private worker: Worker<BanLiftJob> | undefined;

  constructor(
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const options = { connection: workerConnectionOptions(this.config), prefix: queuePrefix(this.config) };
    this.queue = new Queue<BanLiftJob>(BAN_LIFT_QUEUE, options);
    this.queue.on('error', () => undefined);
    this.worker = startQueueWorker<BanLiftJob>(BAN_LIFT_QUEUE, (job) => this.lift(job.data), this.config, {
      onFailed: (job, error) => this.logger.warn(`Ban lift ${job?.id} failed: ${error.message}`),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await closeQueueWorkers(this.config, this.worker, this.queue);
  }

  /** Schedules the lift of a ban at `expiresAt` (at once when that has passed). */
  async schedule(job: BanLiftJob, expiresAt: Date): Promise<void> {
    await this.queue!.add('lift', job, {
      jobId: job.banEventId,
      delay: Math.max(0, expiresAt.getTime() - Date.now()),
      attempts: 20,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  /** Runs one job: lifts the ban if it is still the one the job was made for and has run out. */
  async lift(data: BanLiftJob, now = new Date()): Promise<void> {
    let outcome: string = 'stale';
    await this.users.update(
      data.userId,
      (user) => {
        outcome = user.liftExpiredBan(data.banVersion, now);
      },
      undefined,
      { actor: ACTOR, causationId: data.banEventId },
    );
    // Ran early (clocks differ by a little): try again shortly, with backoff.
    if (outcome === 'not-yet') throw new Error(`Ban ${data.banEventId} has not run out yet`);
  }
}
