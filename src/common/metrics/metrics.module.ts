import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** Serves `GET /metrics` (Prometheus text format) from the process-wide registry in `metrics.ts`. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
