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
   * Must store the whole batch durably (one database transaction) before it returns. `lag` is how
   * many messages of the partition follow this batch, as the broker said when it was fetched.
   */
  handle: (messages: InboundMessage[], position: { topic: string; partition: number; lag: number }) => Promise<void>;
  onCrash?: (error: Error, restart: boolean) => void;
  fromBeginning?: boolean;
  /** Kafka's session timeout: how long a silent (crashed) member keeps its partitions. */
  sessionTimeoutMs?: number;
  /** How many partitions' batches are handled at once (each partition's batches stay in order). Default 1. */
  concurrentPartitions?: number;
}

/**
 * A consumer group whose offsets are resolved and committed only after the handler stored the
 * batch: a crash at any point redelivers, and the handler is idempotent, so nothing is lost or doubled.
 */
export async function startBatchConsumer(options: BatchConsumerOptions): Promise<Consumer> {
  const consumer = options.kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 30000,
    heartbeatInterval: Math.min(3000, Math.floor((options.sessionTimeoutMs ?? 30000) / 3)),
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
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
      if (!isRunning() || isStale() || batch.messages.length === 0) return;
      const messages = batch.messages.map((m) => toInbound(batch.topic, batch.partition, m));
      await options.handle(messages, { topic: batch.topic, partition: batch.partition, lag: Number(batch.offsetLag()) });
      for (const m of batch.messages) resolveOffset(m.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
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
