import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'mysql2/promise';
import { connectionFailure, DependencyStatus, dependencyStatus } from '../common';
import { APP_CONFIG, AppConfig } from '../config';
import { MYSQL_POOL } from './database.tokens';

const PROBE_EVERY_MS = 5000;
const PROBE_TIMEOUT_MS = 3000;

/**
 * Notices a MySQL outage, and the end of it, even when no request comes in: mysql2's pool has no connection
 * events to listen to, so a `SELECT 1` every 5 s tells the shared status (which does the logging).
 */
@Injectable()
export class MysqlWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private probing = false;
  // Created now, not at the first probe, so a request failing before it is already reported as the outage.
  private readonly status: DependencyStatus;

  constructor(
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.status = dependencyStatus('mysql', config.DATABASE_URL, config.OUTAGE_LOG_INTERVAL_MS);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.probe(), PROBE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      await this.pool.query({ sql: 'SELECT 1', timeout: PROBE_TIMEOUT_MS });
      this.status.up();
    } catch (error) {
      // A query that fails for another reason says nothing about reachability.
      if (connectionFailure(error) || (error as { code?: unknown }).code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        this.status.down(error);
      }
    } finally {
      this.probing = false;
    }
  }
}
