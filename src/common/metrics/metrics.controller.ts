import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { metricsRegistry } from './metrics';

/** Prometheus scrape endpoint. No auth: it is meant for the internal network, like `/health`. */
@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'health.metrics', summary: 'Prometheus metrics' })
  @ApiProduces(metricsRegistry.contentType)
  @ApiOkResponse({ description: 'The metrics in Prometheus text format', schema: { type: 'string' } })
  async scrape(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
