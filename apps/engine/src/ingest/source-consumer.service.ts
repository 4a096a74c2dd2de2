import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Consumer, Partitioners, Producer } from 'kafkajs';
import { engineTopics, ensureTopics, startBatchConsumer, InboundMessage } from '@mdm/messaging';
import { RUNTIME, Runtime } from '../runtime';
import { OutboxRelay } from '../outbox/outbox-relay';
import { IngestBatchUseCase, IngestSummary } from './ingest-batch.usecase';
import { batchDuration, consumerLag, deadLettersTotal, failpoint, recordsIngested, resolutionLatency, reviewsOpened } from '@mdm/observability';
import { frenchStandardizer } from './standardizer';

/** Engine counters since start, for the summary and the metrics. */
export interface EngineCounters {
  batches: number;
  totals: Omit<IngestSummary, 'detail'>;
}

const COUNTED = ['messages', 'records', 'deadLetters', 'unchanged', 'created', 'updated', 'merged', 'reviews'] as const;

/**
 * The engine's Kafka side: creates the topics, consumes the source topics in batches, stores
 * each batch in one transaction, then lets the outbox relay publish the golden-record messages.
 */
@Injectable()
export class SourceConsumerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  private relay: OutboxRelay | null = null;
  readonly counters: EngineCounters = {
    batches: 0,
    totals: { messages: 0, records: 0, deadLetters: 0, unchanged: 0, created: 0, updated: 0, merged: 0, reviews: 0 },
  };
  private readonly ingest: IngestBatchUseCase;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    this.ingest = new IngestBatchUseCase(runtime.dataSource, {
      mappings: runtime.rules.mappings,
      topics: runtime.topics,
      survivorship: runtime.rules.survivorship,
      standardizer: frenchStandardizer(runtime.rules.matching.defaultCountry),
      matching: runtime.rules.matching,
      erp: runtime.rules.erp,
      maxMessageBytes: runtime.settings.MDM_MAX_MESSAGE_BYTES,
      warn: (message, details) => runtime.logger.warn(details, message),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { kafka, settings, rules, logger, dataSource } = this.runtime;
    const admin = kafka.admin();
    await admin.connect();
    try {
      const created = await ensureTopics(
        admin,
        engineTopics(
          rules.mappings.map((m) => m.topic),
          this.runtime.topics,
          { partitions: settings.MDM_TOPIC_PARTITIONS, replication: settings.MDM_TOPIC_REPLICATION },
        ),
      );
      if (created.length > 0) logger.info({ topics: created }, 'topics created');
    } finally {
      await admin.disconnect();
    }
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, maxInFlightRequests: 1 });
    await this.producer.connect();
    this.relay = new OutboxRelay(dataSource, this.producer, logger, { pollMs: settings.MDM_OUTBOX_POLL_MS });
    this.relay.start();
    this.consumer = await startBatchConsumer({
      kafka,
      groupId: settings.MDM_CONSUMER_GROUP,
      sessionTimeoutMs: settings.MDM_CONSUMER_SESSION_TIMEOUT_MS,
      topics: rules.mappings.map((m) => m.topic),
      handle: (messages, position) => this.handle(messages, position),
      onCrash: (error, restart) => {
        logger.error({ err: error, restart }, 'source consumer crashed');
        // kafkajs restarts the consumer itself when it can; otherwise the engine must be restarted
        if (!restart) this.runtime.fatal(error);
      },
    });
    logger.info({ topics: rules.mappings.map((m) => m.topic), group: settings.MDM_CONSUMER_GROUP }, 'engine consuming');
  }

  private async handle(messages: InboundMessage[], position?: { topic: string; partition: number; lag: number }): Promise<void> {
    const started = Date.now();
    const stopTimer = batchDuration.startTimer();
    const summary = await this.ingest.execute(messages);
    failpoint('ingest.after-commit');
    stopTimer();
    this.counters.batches++;
    for (const key of COUNTED) this.counters.totals[key] += summary[key];
    for (const { source, outcome } of summary.detail.records) recordsIngested.inc({ source, outcome });
    for (const code of summary.detail.deadLetters) deadLettersTotal.inc({ code });
    reviewsOpened.inc(summary.reviews);
    const committed = Date.now();
    for (const m of messages) if (Number(m.timestamp) > 0) resolutionLatency.observe((committed - Number(m.timestamp)) / 1000);
    if (position) consumerLag.set({ topic: position.topic, partition: String(position.partition) }, position.lag);
    this.relay?.wake();
    this.runtime.logger.debug({ ...summary, ms: Date.now() - started }, 'batch stored');
  }

  /** Stops consuming (the batch in hand finishes first), then lets the relay publish what is committed. */
  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
    await this.relay?.stop();
    await this.producer?.disconnect();
  }
}
