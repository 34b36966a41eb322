import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry. A module-level singleton rather than a provider because the API and
 * worker contexts of `ROLE=all` live in one process and must not register the same metric twice.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** Events the relay handed to BullMQ (each event once, whatever the number of subscriber queues). */
export const relayEventsTotal = new Counter({
  name: 'relay_events_total',
  help: 'Events the relay added to the job queues',
  registers: [metricsRegistry],
});

/** Seconds from an event's `occurred_at` to its jobs being enqueued. */
export const relayLagSeconds = new Histogram({
  name: 'relay_lag_seconds',
  help: 'Seconds from event occurred_at to its jobs being enqueued',
  buckets: LAG_BUCKETS,
  registers: [metricsRegistry],
});

/** Seconds from a revoking event's `occurred_at` to the session's revocation; observed by the sessions worker. */
export const sessionRevocationLagSeconds = new Histogram({
  name: 'session_revocation_lag_seconds',
  help: 'Seconds from a revoking user event to the session being revoked',
  buckets: LAG_BUCKETS,
  registers: [metricsRegistry],
});

/** Activity-log rows written (replayed jobs that insert nothing are not counted). */
export const activityLogRowsTotal = new Counter({
  name: 'activity_log_rows_total',
  help: 'Rows written to activity_logs',
  registers: [metricsRegistry],
});

/** Events the reconciler delivered again because a consumer had not processed them in time (lost jobs). */
export const reconcilerRedeliveredTotal = new Counter({
  name: 'reconciler_redelivered_total',
  help: 'Events delivered again by the reconciler, per consumer',
  labelNames: ['consumer'],
  registers: [metricsRegistry],
});

/** Events whose job failed for good; each is a row of `dead_letters` and needs an operator. */
export const deadLettersTotal = new Counter({
  name: 'dead_letters_total',
  help: 'Events recorded as dead letters, per consumer',
  labelNames: ['consumer'],
  registers: [metricsRegistry],
});
