import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Partitioners, Producer } from 'kafkajs';
import { BatchConsumer, engineTopics, ensureTopics, startBatchConsumer, InboundMessage } from '@mdm/messaging';
import { RUNTIME, Runtime } from '../runtime';
import { OutboxRelay } from '../outbox/outbox-relay';
import { IngestBatchUseCase, IngestSummary } from './ingest-batch.usecase';
import { GroupCommit } from './group-commit';
import { Preparation } from './record-preparation';
import { batchDuration, consumerLag, deadLettersTotal, failpoint, recordsIngested, resolutionLatency, reviewsOpened } from '@mdm/observability';
import { frenchStandardizer } from './standardizer';
import { NearNameReviewer } from '../review/near-name-reviewer';
import { PreparationPool } from './preparation-pool';

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
  private consumer: BatchConsumer | null = null;
  private producer: Producer | null = null;
  private relay: OutboxRelay | null = null;
  /** Absent when near names are off (`trigramNeighbours: 0`). */
  private readonly reviewer: NearNameReviewer | null;
  readonly counters: EngineCounters = {
    batches: 0,
    totals: { messages: 0, records: 0, deadLetters: 0, unchanged: 0, created: 0, updated: 0, merged: 0, reviews: 0 },
  };
  private readonly ingest: IngestBatchUseCase;
  private readonly commits: GroupCommit<Preparation, IngestSummary>;
  /** Settles when the batch last received has been handed over to the group commit. */
  private handoff: Promise<unknown> = Promise.resolve();
  /** Absent with `MDM_PREPARATION_THREADS=0`: messages are then prepared on the event loop. */
  private readonly preparation: PreparationPool | null;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {
    const standardizer = frenchStandardizer(runtime.rules.matching.defaultCountry);
    this.ingest = new IngestBatchUseCase(runtime.dataSource, {
      mappings: runtime.rules.mappings,
      topics: runtime.topics,
      survivorship: runtime.rules.survivorship,
      standardizer,
      matching: runtime.rules.matching,
      erp: runtime.rules.erp,
      maxMessageBytes: runtime.settings.MDM_MAX_MESSAGE_BYTES,
      warn: (message, details) => runtime.logger.warn(details, message),
    });
    this.reviewer =
      runtime.rules.matching.trigramNeighbours > 0
        ? new NearNameReviewer(runtime.dataSource, runtime.logger, { matching: runtime.rules.matching, standardizer, pollMs: runtime.settings.MDM_OUTBOX_POLL_MS, vacuumEveryRows: runtime.settings.MDM_QUEUE_VACUUM_ROWS })
        : null;
    this.preparation =
      runtime.settings.MDM_PREPARATION_THREADS > 0
        ? new PreparationPool(
            { mappings: runtime.rules.mappings, defaultCountry: runtime.rules.matching.defaultCountry, maxMessageBytes: runtime.settings.MDM_MAX_MESSAGE_BYTES },
            runtime.settings.MDM_PREPARATION_THREADS,
          )
        : null;
    this.commits = new GroupCommit((prepared) => this.store(prepared), runtime.settings.MDM_MAX_MESSAGES_PER_TRANSACTION);
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
    this.relay = new OutboxRelay(dataSource, this.producer, logger, {
      pollMs: settings.MDM_OUTBOX_POLL_MS,
      vacuumEveryRows: settings.MDM_QUEUE_VACUUM_ROWS,
      retentionMs: settings.MDM_OUTBOX_RETENTION_HOURS * 3_600_000,
    });
    this.relay.start();
    this.reviewer?.start();
    await this.warmUp();
    this.consumer = await startBatchConsumer({
      kafka,
      groupId: settings.MDM_CONSUMER_GROUP,
      sessionTimeoutMs: settings.MDM_CONSUMER_SESSION_TIMEOUT_MS,
      concurrentPartitions: settings.MDM_CONSUMER_CONCURRENT_PARTITIONS,
      topics: rules.mappings.map((m) => m.topic),
      handle: (messages, position) => this.handle(messages, position),
      onError: (error, position) => logger.error({ err: error, ...position }, 'a batch could not be stored; it is taken again from its first message'),
      onCrash: (error, restart) => {
        logger.error({ err: error, restart }, 'source consumer crashed');
        // kafkajs restarts the consumer itself when it can; otherwise the engine must be restarted
        if (!restart) this.runtime.fatal(error);
      },
    });
    logger.info({ topics: rules.mappings.map((m) => m.topic), group: settings.MDM_CONSUMER_GROUP }, 'engine consuming');
  }

  /**
   * One partition's batch: prepared at once (on a preparation thread, or here), then handed over to
   * the group commit, which stores it with the batches of other partitions that wait with it, in one
   * transaction. Batches are handed over in the order they came, so a partition's are stored in
   * order whichever is prepared first. Settles once it is committed, so that its offsets are
   * committed after it.
   */
  private async handle(messages: InboundMessage[], position?: { topic: string; partition: number; lag: number }): Promise<void> {
    const preparing = this.preparation ? this.preparation.prepare(messages) : Promise.resolve().then(() => this.ingest.prepare(messages));
    let stored: Promise<IngestSummary> | undefined;
    const handedOver = this.handoff.then(async () => {
      stored = this.commits.submit(await preparing);
    });
    this.handoff = handedOver.catch(() => undefined);
    await handedOver;
    await stored;
    failpoint('ingest.after-commit');
    if (position) consumerLag.set({ topic: position.topic, partition: String(position.partition) }, position.lag);
  }

  /**
   * Runs the preparation and the ingest once on made-up records (rolled back) before the first batch:
   * a fresh engine was up to half a second slower on its first batches. A failure is only logged:
   * the first batch then meets what the warm-up met.
   */
  private async warmUp(): Promise<void> {
    const started = Date.now();
    try {
      await this.preparation?.ready();
      const { records } = await this.ingest.warmUp();
      this.runtime.logger.info({ ms: Date.now() - started, records }, 'engine warmed up');
    } catch (error) {
      this.runtime.logger.warn({ err: error }, 'engine warm-up failed; consuming anyway');
    }
  }

  /** Stores one group of batches in one transaction, and counts it. */
  private async store(prepared: Preparation[]): Promise<IngestSummary> {
    const started = Date.now();
    const stopTimer = batchDuration.startTimer();
    const summary = await this.ingest.executePrepared(prepared);
    stopTimer();
    this.counters.batches++;
    for (const key of COUNTED) this.counters.totals[key] += summary[key];
    for (const { source, outcome } of summary.detail.records) recordsIngested.inc({ source, outcome });
    for (const code of summary.detail.deadLetters) deadLettersTotal.inc({ code });
    reviewsOpened.inc(summary.reviews);
    const committed = Date.now();
    // when each message was appended to its source topic (0: the producer gave no time)
    const stamps = prepared.map(({ message }) => Number(message.timestamp)).filter((t) => t > 0);
    for (const stamp of stamps) resolutionLatency.observe((committed - stamp) / 1000);
    this.relay?.wake();
    this.reviewer?.wake();
    // how long its oldest and newest messages had been in Kafka when the transaction began
    const waitedMs = stamps.length > 0 ? [started - Math.min(...stamps), started - Math.max(...stamps)] : undefined;
    this.runtime.logger.debug({ ...summary, detail: undefined, ms: committed - started, waitedMs }, 'batch stored');
    return summary;
  }

  /** Stops consuming (the batch in hand finishes first), then lets the relay publish what is committed. */
  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.reviewer?.stop();
    await this.relay?.stop();
    await this.producer?.disconnect();
    await this.preparation?.stop();
  }
}
