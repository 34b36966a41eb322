import { DynamicModule, Module } from '@nestjs/common';
import type { EventDecoder, EventStore } from '@libs/event-store';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { createConnection, Pool } from 'mysql2/promise';
import { APP_CONFIG, AppConfig } from '../config';
import { EVENT_DECODER, EVENT_STORE, MYSQL_POOL, poolOptionsFromUrl } from '../database';
import { redisStatus, watchRedisClient } from '../redis';
import { MysqlConsumerProgress } from './consumer-progress';
import { ConsumerReconciler, ReconcilerOptions } from './consumer-reconciler';
import { EventRelayOptions, EventRelayService } from './event-relay.service';
import {
  closeRedis,
  createProducerConnection,
  EVENT_JOB_OPTIONS,
  queuePrefix,
  relayWakeChannel,
} from './queue-connection';
import { bullmqReconciledQueue } from './reconciled-queue';
import { MysqlCheckpointStore, relayCheckpointName } from './relay-checkpoints';
import { MysqlRelayLock, relayLockName } from './relay-lock';
import { bullmqRelayQueue } from './relay-queues';
import type { EventSubscription } from './relay.contract';

const ignore = () => undefined;

export interface CreateRelayOptions extends Partial<EventRelayOptions> {
  reconciler?: Partial<ReconcilerOptions>;
}

/**
 * Builds the relay with one BullMQ queue per subscription, its Redis wake subscription, its MySQL lock and the
 * consumer reconciler that runs beside it. The relay owns and closes all of them. Exported so tests can build
 * one with their own options (a short gap grace).
 */
export function createEventRelay(
  config: AppConfig,
  pool: Pool,
  store: Pick<EventStore, 'readAll' | 'onCommitted'>,
  decoder: Pick<EventDecoder, 'decode'>,
  subscriptions: readonly EventSubscription[],
  options: CreateRelayOptions = {},
): EventRelayService {
  const redis = redisStatus(config);
  const producer = watchRedisClient(createProducerConnection(config), redis);
  const queues = subscriptions.map((subscription) => {
    const queue = new Queue(subscription.queue, {
      connection: producer,
      prefix: queuePrefix(config),
      defaultJobOptions: EVENT_JOB_OPTIONS,
    });
    queue.on('error', (error) => redis.down(error));
    return { subscription, queue };
  });

  const subscriber = watchRedisClient(
    new IORedis(config.REDIS_URL, {
      maxRetriesPerRequest: null,
      retryStrategy: (times) => Math.min(times * 200, 5000),
    }),
    redis,
  );
  subscriber.subscribe(relayWakeChannel(config)).catch(ignore);

  const { connectionLimit: _unused, ...connectionOptions } = poolOptionsFromUrl(config.DATABASE_URL, 1);
  const lock = new MysqlRelayLock(
    () => createConnection(connectionOptions),
    relayLockName(config.QUEUE_PREFIX, connectionOptions.database),
  );

  const { reconciler: reconcilerOptions, ...relayOptions } = options;
  // The reconciler trails the relay it runs beside, which is built just below.
  const built: { relay?: EventRelayService } = {};
  const reconciler = new ConsumerReconciler(
    {
      store,
      decoder,
      queues: queues.map((q) => bullmqReconciledQueue(q.subscription, q.queue, producer)),
      progress: new MysqlConsumerProgress(pool),
      delivered: () => built.relay?.checkpoint() ?? 0,
    },
    {
      intervalMs: config.RECONCILE_INTERVAL_MS,
      redeliverAfterMs: config.RECONCILE_AFTER_MS,
      batchSize: config.RELAY_BATCH_SIZE,
      ...reconcilerOptions,
    },
  );

  const relay = new EventRelayService(
    {
      store,
      decoder,
      queues: queues.map((q) => bullmqRelayQueue(q.subscription, q.queue, producer)),
      checkpoints: new MysqlCheckpointStore(pool, relayCheckpointName(config.QUEUE_PREFIX)),
      lock,
      companions: [reconciler],
      dispose: [
        async () => void (await Promise.all(queues.map((q) => q.queue.close()))),
        () => closeRedis(producer),
        () => closeRedis(subscriber),
      ],
    },
    { batchSize: config.RELAY_BATCH_SIZE, pollMs: config.RELAY_POLL_MS, ...relayOptions },
  );
  built.relay = relay;
  subscriber.on('message', () => relay.wake());
  return relay;
}

/** The event relay: event store → the consumers' BullMQ queues (worker side). Starts on init, stops on shutdown. */
@Module({})
export class RelayModule {
  static forRoot(subscriptions: readonly EventSubscription[]): DynamicModule {
    return {
      module: RelayModule,
      providers: [
        {
          provide: EventRelayService,
          inject: [APP_CONFIG, MYSQL_POOL, EVENT_STORE, EVENT_DECODER],
          useFactory: (config: AppConfig, pool: Pool, store: EventStore, decoder: EventDecoder) =>
            createEventRelay(config, pool, store, decoder, subscriptions),
        },
      ],
      exports: [EventRelayService],
    };
  }
}
