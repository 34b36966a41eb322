import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppwriteExceptionFilter } from '@libs/http';
import { AccessTokensModule } from './access-tokens';
import { AuditModule } from './audit';
import { AuthModule } from './auth';
import { AppConfig, ConfigModule } from './config';
import { MetricsModule } from './common';
import { DeviceModule } from './device';
import { ErasureModule } from './erasure';
import { DatabaseModule } from './database';
import { HealthModule } from './health';
import { HistoryModule } from './history';
import { IdentitiesModule } from './identities';
import { MembershipsModule } from './memberships';
import { RedisModule } from './redis';
import { RelayNotifierModule } from './relay';
import { SessionsModule } from './sessions';
import { UsersModule } from './users';
import { WebhooksModule } from './webhooks';

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
        RedisModule,
        DeviceModule,
        RelayNotifierModule,
        AuthModule,
        HealthModule,
        MetricsModule,
        UsersModule,
        SessionsModule,
        IdentitiesModule,
        AccessTokensModule,
        MembershipsModule,
        AuditModule,
        HistoryModule,
        WebhooksModule,
        ErasureModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AppwriteExceptionFilter }],
    };
  }
}
