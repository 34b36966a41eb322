import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventDecoder, MasterKeys, MysqlDataKeys, MysqlEventStore } from '@libs/event-store';
import { Pool } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { DependencyUnavailableError } from '../common';
import { APP_CONFIG, AppConfig } from '../config';
import { ALL_EVENTS, AnyEvent } from '../events';
import { createDataSource } from './data-source';
import { createAppPool } from './database-url';
import { DATA_KEYS, EVENT_STORE, MASTER_KEYS, MYSQL_POOL, EVENT_DECODER } from './database.tokens';
import { ensureDatabase } from './ensure-database';

/** The decoder every reader of stored events shares. */
export type AppEventDecoder = EventDecoder<AnyEvent>;
import { resolveMasterKeys, unknownMasterKeysMessage } from './master-keys';
import { runMigrations } from './migrate';
import { describeMysqlFailure } from './mysql-failure';
import { MysqlWatch } from './mysql-watch';

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy().catch(() => undefined);
  }
}

/** Creates the database if missing, runs migrations (never `synchronize`), then opens the hot-path pool. */
@Global()
@Module({
  providers: [
    {
      provide: MASTER_KEYS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MasterKeys =>
        resolveMasterKeys(config, (message) => new Logger('DataKeys').warn(message)),
    },
    {
      provide: DataSource,
      inject: [APP_CONFIG, MASTER_KEYS],
      useFactory: async (config: AppConfig, masterKeys: MasterKeys) => {
        try {
          await ensureDatabase(config.DATABASE_URL);
          const dataSource = await createDataSource(config.DATABASE_URL, {
            masterKeys: () => masterKeys,
          }).initialize();
          const applied = await runMigrations(config.DATABASE_URL, dataSource);
          if (applied.length > 0) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
          return dataSource;
        } catch (error) {
          const problem = describeMysqlFailure(error, config.DATABASE_URL);
          if (!problem) throw error;
          throw new DependencyUnavailableError(
            `${problem}: cannot start without it (the schema is checked and migrated at start)`,
          );
        }
      },
    },
    {
      provide: MYSQL_POOL,
      // Depends on DataSource so that no query runs before the migrations.
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig) => createAppPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
    },
    {
      provide: DATA_KEYS,
      inject: [MASTER_KEYS, MYSQL_POOL],
      useFactory: async (masterKeys: MasterKeys, pool: Pool) => {
        const dataKeys = new MysqlDataKeys(pool, masterKeys);
        // Starting with the wrong DATA_KEY would fail on the first sealed event; say so now, plainly.
        const unknown = await dataKeys.unknownMasterKeys();
        if (unknown.length > 0) throw new Error(unknownMasterKeysMessage(unknown));
        return dataKeys;
      },
    },
    {
      provide: EVENT_DECODER,
      inject: [DATA_KEYS],
      useFactory: (dataKeys: MysqlDataKeys): AppEventDecoder => new EventDecoder(ALL_EVENTS, dataKeys),
    },
    {
      provide: EVENT_STORE,
      inject: [MYSQL_POOL, DATA_KEYS],
      useFactory: (pool: Pool, dataKeys: MysqlDataKeys) => new MysqlEventStore(pool, dataKeys),
    },
    DatabaseLifecycle,
    MysqlWatch,
  ],
  exports: [DataSource, MYSQL_POOL, EVENT_STORE, DATA_KEYS, EVENT_DECODER, MASTER_KEYS],
})
export class DatabaseModule {}
