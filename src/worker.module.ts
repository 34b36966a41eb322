import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ACCESS_TOKEN_CLEANUP, AccessTokensWorkerModule } from './access-tokens';
import { AuditWorkerModule, ACTIVITY_LOG } from './audit';
import { AppConfig, ConfigModule } from './config';
import { DeviceModule } from './device';
import { DatabaseModule } from './database';
import { IdentitiesWorkerModule, IDENTITY_CLEANUP } from './identities';
import { RedisModule } from './redis';
import { RelayModule } from './relay';
import type { EventSubscription } from './relay';
import { SessionsWorkerModule, SESSION_REVOCATION, SESSION_SWEEP } from './sessions';
import { BAN_EXPIRY, UsersWorkerModule } from './users';
import { WebhooksWorkerModule, WEBHOOK_FANOUT } from './webhooks';

/** Every consumer's subscription, declared in its own module; the relay builds one queue for each. */
export const EVENT_SUBSCRIPTIONS: readonly EventSubscription[] = [
  SESSION_REVOCATION,
  SESSION_SWEEP,
  ACTIVITY_LOG,
  IDENTITY_CLEANUP,
  BAN_EXPIRY,
  WEBHOOK_FANOUT,
  ACCESS_TOKEN_CLEANUP,
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
        RedisModule,
        DeviceModule,
        RelayModule.forRoot(EVENT_SUBSCRIPTIONS),
        SessionsWorkerModule,
        AuditWorkerModule,
        IdentitiesWorkerModule,
        UsersWorkerModule,
        WebhooksWorkerModule,
        AccessTokensWorkerModule,
      ],
    };
  }
}
