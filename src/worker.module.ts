import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditWorkerModule } from './audit/audit-worker.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DeviceModule } from './common/device/device.module';
import { DatabaseModule } from './database/database.module';
import { IdentitiesWorkerModule } from './identities/identities-worker.module';
import { RedisModule } from './redis/redis.module';
import { RelayModule } from './relay/relay.module';
import { SessionsWorkerModule } from './sessions/sessions-worker.module';

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
        RelayModule,
        SessionsWorkerModule,
        AuditWorkerModule,
        IdentitiesWorkerModule,
      ],
    };
  }
}
