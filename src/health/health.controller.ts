import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import type { Pool } from 'mysql2/promise';
import { MYSQL_POOL } from '../database/database.tokens';
import { REDIS } from '../redis/redis.module';

const TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS)),
  ]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(MYSQL_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: MySQL and Redis answer (503 otherwise)' })
  @HealthCheck()
  ready() {
    return this.health.check([() => this.check('mysql', () => this.pool.query('SELECT 1')), () => this.check('redis', () => this.redis.ping())]);
  }

  private async check(key: string, probe: () => Promise<unknown>) {
    const indicator = this.indicator.check(key);
    try {
      await withTimeout(probe());
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
