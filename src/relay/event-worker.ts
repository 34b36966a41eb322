import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { AppConfig } from '../config/config';
import { EventJobData, QueueName } from './relay.contract';
import { queuePrefix, workerConnectionOptions } from './queue-connection';

/** The configuration `createEventWorker` reads. */
export type EventWorkerConfig = Pick<AppConfig, 'REDIS_URL' | 'QUEUE_PREFIX' | 'WORKER_CONCURRENCY'>;

/** Processes one relayed event. Throw to retry with backoff; throw `UnrecoverableError` to fail for good. */
export type EventProcessor = (event: EventJobData) => Promise<void>;

const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * Starts a BullMQ Worker on one relay queue (see `QUEUES`), with the project's connection rules
 * (`maxRetriesPerRequest: null`), key prefix and `WORKER_CONCURRENCY`.
 *
 * - `processor` gets the job's `EventJobData` (job id = event id, so use `event.id` as the idempotency key,
 *   e.g. with `runOnce`). Delivery is at least once: the processor must be idempotent.
 * - A job whose data is not an event is failed without retries (`UnrecoverableError`).
 * - Failures are logged with the job id, event id and attempt.
 *
 * The worker starts at once. The caller owns it and must `await worker.close()` on shutdown
 * (e.g. in `onModuleDestroy`), which waits for the jobs in progress.
 *
 * @example
 * this.worker = createEventWorker(QUEUES.IDENTITY_CLEANUP, (event) => this.handle(event), config);
 */
export function createEventWorker(
  queueName: QueueName,
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

  // Without a listener an 'error' event would crash the process; during an outage it fires on every retry.
  let lastErrorLog = 0;
  worker.on('error', (error) => {
    const now = Date.now();
    if (now - lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
    lastErrorLog = now;
    logger.warn({ queue: queueName, error: error.message }, 'Queue connection error');
  });

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
