import { DynamicModule, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { RedisModule } from './redis/redis.module';

class WorkerStatus implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    // The relay and the BullMQ processors (session revocation, activity log, identity clean-up) are not built yet.
    new Logger('Worker').warn('Worker role started with no queue processors registered yet');
  }
}

/** The `worker` role: connections to MySQL and Redis; the relay and processors are added with the sessions work. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), CqrsModule.forRoot(), DatabaseModule, RedisModule],
      providers: [WorkerStatus],
    };
  }
}
