import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppwriteExceptionFilter } from '@libs/http';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { RedisModule } from './redis/redis.module';
import { UsersModule } from './users/users.module';

/** The HTTP API. Workers (relay, revocation, activity log) get their own module with the sessions work. */
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
        AuthModule,
        HealthModule,
        UsersModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AppwriteExceptionFilter }],
    };
  }
}
