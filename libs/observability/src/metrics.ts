import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics: what the engine counts as it works (records by source and
 * outcome, dead letters, batch duration). Figures over the stored state (golden records, open
 * tasks, unpublished messages) are read from the database when scraped (`GET /metrics`).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'mdm_process_' });

export const recordsIngested = new Counter({
  name: 'mdm_records_ingested_total',
  help: 'Source records taken from Kafka, by source and outcome (created, updated, merged, unchanged)',
  labelNames: ['source', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const deadLettersTotal = new Counter({
  name: 'mdm_dead_letters_total',
  help: 'Messages sent to the dead-letter topic, by error code',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
});

export const batchDuration = new Histogram({
  name: 'mdm_batch_duration_seconds',
  help: 'Time to store and resolve one batch of source messages (one transaction)',
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const reviewsOpened = new Counter({
  name: 'mdm_reviews_opened_total',
  help: 'Possible matches opened or refreshed for a steward',
  registers: [metricsRegistry],
});

export const nearNameRecords = new Counter({
  name: 'mdm_near_name_records_total',
  help: 'Records the near-name reviewer took from its queue: searched, or spared because a namesake in their golden record was looked at',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const outboxPurged = new Counter({
  name: 'mdm_outbox_purged_total',
  help: 'Published outbox rows deleted once older than MDM_OUTBOX_RETENTION_HOURS',
  registers: [metricsRegistry],
});

export const consumerLag = new Gauge({
  name: 'mdm_consumer_lag',
  help: 'Messages of a source partition not yet handled, as of the last batch taken from it',
  labelNames: ['topic', 'partition'] as const,
  registers: [metricsRegistry],
});

export const resolutionLatency = new Histogram({
  name: 'mdm_resolution_latency_seconds',
  help: 'From a source message being appended to its topic to its records being resolved and committed',
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [metricsRegistry],
});
