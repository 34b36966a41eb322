/**
 * The bench's worker process: the service's own entry point (`dist/src/main.js`, run with ROLE=worker: the
 * event relay and the BullMQ processors, as deployed) plus a bench-only HTTP side port on PORT. ROLE=worker
 * serves no HTTP, so without it the worker's Prometheus registry (`session_revocation_lag_seconds`,
 * `relay_events_total`, …: observed in this process, not in the API's) could not be read. `metrics.js` is
 * the same module instance the service's modules use (same resolved file), hence the same registry.
 */
import { createServer } from 'node:http';
import { metricsRegistry } from '../../src/common/metrics/metrics';
// First: LOG_LEVEL for Nest's default logger, before main.js creates the worker context.
import './worker-logging';
import '../../src/main';

const port = Number(process.env.PORT);
createServer((request, response) => {
  if (request.url === '/metrics') {
    metricsRegistry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  } else if (request.url === '/health/ready') {
    // The process is up; whether the relay and the processors deliver is checked end to end by the bench.
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  } else {
    response.writeHead(404).end();
  }
}).listen(port, '127.0.0.1');
