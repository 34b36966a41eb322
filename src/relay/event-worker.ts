import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { AppConfig } from '../config';
import { redisStatus } from '../redis';
import type { EventJobData } from './relay.contract';
import { queuePrefix, workerConnectionOptions } from './queue-connection';

/** The configuration `createEventWorker` reads. */
export type EventWorkerConfig = Pick<
  AppConfig,
  'REDIS_URL' | 'QUEUE_PREFIX' | 'WORKER_CONCURRENCY' | 'OUTAGE_LOG_INTERVAL_MS'
>;

/** Processes one relayed event. Throw to retry with backoff; throw `UnrecoverableError` to fail for good. */
export type EventProcessor = (event: EventJobData) => Promise<void>;

/**
 * Lock and stall settings. A killed worker's jobs lose their lock after `lockDuration` and are found by the
 * next stall check or the one after, so they resume within about 5 + 2 × 4 = 13 s (BullMQ's defaults, 30 s
 * each, took over a minute). A stalled job goes back to the queue instead of failing: only the 20th stall in
 * a row fails it, which marks a job that kills its worker every time (the reconciler then records it as a
 * dead letter). Locks are renewed every 2.5 s, so only an event loop blocked for 5 s loses one early, and
 * consumers are idempotent for that case too.
 */
export const EVENT_WORKER_LOCKS = { lockDuration: 5000, stalledInterval: 4000, maxStalledCount: 20 } as const;

/**
 * Starts a BullMQ Worker on one relay queue (an `EventSubscription`'s queue), with the project's connection
 * rules (`maxRetriesPerRequest: null`), key prefix, lock settings and `WORKER_CONCURRENCY`.
 *
 * - `processor` gets the job's `EventJobData` (job id = event id). Delivery is at least once: the processor
 *   must be idempotent. `EventProcessor` wraps this with the processed-events record.
 * - A job whose data is not an event is failed without retries (`UnrecoverableError`).
 * - Failures are logged with the job id, event id and attempt.
 *
 * The worker starts at once. The caller owns it and must `await worker.close()` on shutdown
 * (e.g. in `onModuleDestroy`), which waits for the jobs in progress.
 *
 */
export function createEventWorker(
  queueName: string,
  processor: EventProcessor,
  config: EventWorkerConfig,
): Worker<EventJobData> {
  const logger = new Logger(`EventWorker:${queueName}`);
  const worker = new Worker<EventJobData>(
    queueName,
    async (job: Job<EventJobData>) => {
      const event = parseEventJob(job.data);
      if (!event) throw new UnrecoverableError(`Job ${job.id} does not carry a relayed event`);
      await processor(event);
    },
    {
      connection: workerConnectionOptions(config),
      prefix: queuePrefix(config),
      concurrency: config.WORKER_CONCURRENCY,
      ...EVENT_WORKER_LOCKS,
    },
  );

  worker.on('failed', (job, error) => {
    const final =
      error instanceof UnrecoverableError || (job && job.attemptsMade >= (job.opts.attempts ?? 1));
    const details = {
      queue: queueName,
      jobId: job?.id,
      eventId: (job?.data as Partial<EventJobData> | undefined)?.id,
      eventType: job?.name,
      attempt: job?.attemptsMade,
      final,
      error: error.message,
    };
    if (final) logger.error(details, error.stack);
    else logger.warn(details);
  });

  // Without a listener an 'error' event would crash the process; during an outage it fires on every retry, so
  // it goes to the shared Redis status (one line per outage for the whole process, and one when it is back).
  const redis = redisStatus(config);
  worker.on('error', (error) => redis.down(error));

  return worker;
}

/** The job's data when it has the shape of `EventJobData`, else `undefined` (a poison job). */
export function parseEventJob(data: unknown): EventJobData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  const strings = ['id', 'streamType', 'streamId', 'type', 'occurredAt'] as const;
  if (strings.some((key) => typeof d[key] !== 'string' || d[key] === '')) return undefined;
  if (typeof d.data !== 'object' || d.data === null || Array.isArray(d.data)) return undefined;
  if (Number.isNaN(Date.parse(d.occurredAt as string))) return undefined;
  return {
    position: Number(d.position),
    id: d.id as string,
    streamType: d.streamType as string,
    streamId: d.streamId as string,
    version: Number(d.version),
    type: d.type as string,
    schemaVersion: Number(d.schemaVersion ?? 1),
    data: d.data as Record<string, unknown>,
    metadata: (typeof d.metadata === 'object' && d.metadata !== null
      ? d.metadata
      : {}) as EventJobData['metadata'],
    occurredAt: d.occurredAt as string,
  };
}
