import { Consumer, Kafka, KafkaMessage } from 'kafkajs';

/** One message as the engine sees it: its position and raw bytes. */
export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

export interface BatchConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  /**
   * Must store the whole batch durably (one database transaction) before it returns. A batch is
   * consecutive messages of one partition, at most maxBatchMessages of them. `lag` is how many
   * messages of the partition follow this batch, as the broker said when it was fetched.
   */
  handle: (messages: InboundMessage[], position: { topic: string; partition: number; lag: number }) => Promise<void>;
  onCrash?: (error: Error, restart: boolean) => void;
  fromBeginning?: boolean;
  /** Kafka's session timeout: how long a silent (crashed) member keeps its partitions. */
  sessionTimeoutMs?: number;
  /** How many partitions' batches are handled at once (each partition's batches stay in order). Default 1. */
  concurrentPartitions?: number;
  /**
   * The most messages handed to `handle` at once (default 200): a longer fetch (a backlog) is stored
   * and committed in slices, so that the first commit after a restart does not wait for the whole
   * backlog of a partition, up to 1 MB of messages.
   */
  maxBatchMessages?: number;
}

/** How often a batch being stored asks kafkajs for a heartbeat. */
const HEARTBEAT_TICK_MS = 1000;
const DEFAULT_MAX_BATCH_MESSAGES = 200;

/**
 * A consumer group whose offsets are resolved and committed only after the handler stored the
 * batch: a crash at any point redelivers, and the handler is idempotent, so nothing is lost or doubled.
 */
export async function startBatchConsumer(options: BatchConsumerOptions): Promise<Consumer> {
  const slice = Math.max(1, options.maxBatchMessages ?? DEFAULT_MAX_BATCH_MESSAGES);
  const sessionTimeout = options.sessionTimeoutMs ?? 30000;
  const heartbeatInterval = Math.min(3000, Math.floor(sessionTimeout / 3));
  const consumer = options.kafka.consumer({
    groupId: options.groupId,
    sessionTimeout,
    heartbeatInterval,
    maxBytesPerPartition: 1024 * 1024,
    retry: { retries: 10 },
  });
  if (options.onCrash) {
    consumer.on(consumer.events.CRASH, (event) => options.onCrash!(event.payload.error, event.payload.restart));
  }
  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    autoCommit: true,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: options.concurrentPartitions ?? 1,
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning, isStale }) => {
      if (!isRunning() || isStale() || batch.messages.length === 0) return;
      const fetched = batch.messages.map((m) => toInbound(batch.topic, batch.partition, m));
      for (let from = 0; from < fetched.length; from += slice) {
        // the consumer is stopping, or the partition's position was moved: the rest is delivered again
        // (a rebalance makes the heartbeat after a slice throw, with the same effect)
        if (from > 0 && (!isRunning() || isStale())) return;
        const messages = fetched.slice(from, from + slice);
        const lag = Number(batch.offsetLag()) + fetched.length - (from + messages.length);
        // kafkajs heartbeats only between batches. A batch that takes longer to store than the session
        // (a backlog after a restart, a loaded machine) would get the member dropped: its commit refused,
        // the batch handed out and stored again, and again while batches outlast the session. So the
        // session is kept alive while the batch is stored (heartbeat() sends at most one request every
        // heartbeatInterval; a rebalance it reports is met once the batch is stored).
        const beating = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_TICK_MS);
        try {
          await options.handle(messages, { topic: batch.topic, partition: batch.partition, lag });
        } finally {
          clearInterval(beating);
        }
        for (const m of messages) resolveOffset(m.offset);
        // committed at once, each slice
        await commitOffsetsIfNecessary(uncommittedOffsets());
        await heartbeat();
      }
    },
  });
  return consumer;
}

function toInbound(topic: string, partition: number, message: KafkaMessage): InboundMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    headers[name] = text.replaceAll('\u0000', '');
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers,
    timestamp: message.timestamp,
  };
}
