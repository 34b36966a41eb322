/** The relay module's public surface: other modules import this file (and `domain/events`), nothing deeper. */
export { EventProcessor } from './event-processor';
export { queuePrefix, workerConnectionOptions } from './queue-connection';
export { createProducerConnection } from './queue-connection';
export { RelayNotifierModule } from './relay-notifier.module';
export { subscription } from './relay.contract';
export type { EventJobData, EventSubscription } from './relay.contract';
export { RelayModule } from './relay.module';
export { closeWithin } from './bounded-close';
export { closeQueueWorkers, startQueueWorker } from './queue-worker';
export type { QueueWorkerConfig } from './queue-worker';
