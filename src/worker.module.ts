import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditWorkerModule } from './audit/audit-worker.module';
import { ACTIVITY_LOG } from './audit/workers/activity-log.subscription';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DeviceModule } from './common/device/device.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { IdentitiesWorkerModule } from './identities/identities-worker.module';
import { IDENTITY_CLEANUP } from './identities/workers/identity-cleanup.subscription';
import { RedisModule } from './redis/redis.module';
import { RelayModule } from './relay/relay.module';
import type { EventSubscription } from './relay/relay.contract';
import { SessionsWorkerModule } from './sessions/sessions-worker.module';
import { SESSION_REVOCATION } from './sessions/workers/session-revocation.subscription';

/** Every consumer's subscription, declared in its own module; the relay builds one queue for each. */
export const EVENT_SUBSCRIPTIONS: readonly EventSubscription[] = [
  SESSION_REVOCATION,
  ACTIVITY_LOG,
  IDENTITY_CLEANUP,
];

/** The `worker` role: the event relay and one BullMQ processor per queue. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        DatabaseModule,
        EventsModule,
        RedisModule,
        DeviceModule,
        RelayModule.forRoot(EVENT_SUBSCRIPTIONS),
        SessionsWorkerModule,
        AuditWorkerModule,
        IdentitiesWorkerModule,
      ],
    };
  }
}
