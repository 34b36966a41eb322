import { Module } from '@nestjs/common';
import type { EventStore } from '@libs/event-store';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { createConnection, Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../config/config';
import { poolOptionsFromUrl } from '../database/database-url';
import { EVENT_STORE, MYSQL_POOL } from '../database/database.tokens';
import { EventRelayOptions, EventRelayService } from './event-relay.service';
import {
  closeRedis,
  createProducerConnection,
  EVENT_JOB_OPTIONS,
  queuePrefix,
  relayWakeChannel,
} from './queue-connection';
import { MysqlCheckpointStore, relayCheckpointName } from './relay-checkpoints';
import { MysqlRelayLock, relayLockName } from './relay-lock';
import { bullmqRelayQueue } from './relay-queues';
import { QUEUES } from './relay.contract';

const ignore = () => undefined;

/**
 * Builds the relay with its BullMQ queues, its Redis wake subscription and its MySQL lock. The relay owns
 * and closes all of them. Exported so tests can build one with their own options (a short gap grace).
 */
export function createEventRelay(
  config: AppConfig,
  pool: Pool,
  store: Pick<EventStore, 'readAll' | 'onCommitted'>,
  options: Partial<EventRelayOptions> = {},
): EventRelayService {
  const producer = createProducerConnection(config);
  producer.on('error', ignore);
  const queues = Object.values(QUEUES).map((name) => {
    const queue = new Queue(name, {
      connection: producer,
      prefix: queuePrefix(config),
      defaultJobOptions: EVENT_JOB_OPTIONS,
    });
    // The relay reports failed deliveries itself, once per outage.
    queue.on('error', ignore);
    return queue;
  });
  const relayQueues = queues.map((queue, i) => bullmqRelayQueue(Object.values(QUEUES)[i], queue, producer));

  const subscriber = new IORedis(config.REDIS_URL, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  });
  subscriber.on('error', ignore);
  subscriber.subscribe(relayWakeChannel(config)).catch(ignore);

  const { connectionLimit: _unused, ...connectionOptions } = poolOptionsFromUrl(config.DATABASE_URL, 1);
  const lock = new MysqlRelayLock(
    () => createConnection(connectionOptions),
    relayLockName(config.QUEUE_PREFIX, connectionOptions.database),
  );

  const relay = new EventRelayService(
    {
      store,
      queues: relayQueues,
      checkpoints: new MysqlCheckpointStore(pool, relayCheckpointName(config.QUEUE_PREFIX)),
      lock,
      dispose: [
        async () => void (await Promise.all(queues.map((queue) => queue.close()))),
        () => closeRedis(producer),
        () => closeRedis(subscriber),
      ],
    },
    { batchSize: config.RELAY_BATCH_SIZE, pollMs: config.RELAY_POLL_MS, ...options },
  );
  subscriber.on('message', () => relay.wake());
  return relay;
}

/** The event relay: event store → BullMQ queues (worker side). Starts on init, stops on shutdown. */
@Module({
  providers: [
    {
      provide: EventRelayService,
      inject: [APP_CONFIG, MYSQL_POOL, EVENT_STORE],
      useFactory: createEventRelay,
    },
  ],
  exports: [EventRelayService],
})
export class RelayModule {}
