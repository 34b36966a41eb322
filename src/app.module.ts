import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppwriteExceptionFilter } from '@libs/http';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DeviceModule } from './common/device/device.module';
import { MetricsModule } from './common/metrics/metrics.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { IdentitiesModule } from './identities/identities.module';
import { MembershipsModule } from './memberships/memberships.module';
import { RedisModule } from './redis/redis.module';
import { RelayNotifierModule } from './relay/relay-notifier.module';
import { SessionsModule } from './sessions/sessions.module';
import { UsersModule } from './users/users.module';

/** The HTTP API (`ROLE=api`). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        DatabaseModule,
        EventsModule,
        RedisModule,
        DeviceModule,
        RelayNotifierModule,
        AuthModule,
        HealthModule,
        MetricsModule,
        UsersModule,
        SessionsModule,
        IdentitiesModule,
        MembershipsModule,
        AuditModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AppwriteExceptionFilter }],
    };
  }
}
