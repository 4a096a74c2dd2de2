import { Kafka, KafkaMessage } from 'kafkajs';
import { OffsetCommits } from './offset-commits';

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
   * Must store the whole batch durably (one database transaction) before its promise settles. It is
   * called for a partition's next batch before that promise settles (at most two in hand), and must
   * store a partition's batches in the order given. A batch is consecutive messages of one
   * partition, at most maxBatchMessages of them. `lag` is how many
   * messages of the partition follow this batch, as the broker said when it was fetched.
   */
  handle: (messages: InboundMessage[], position: { topic: string; partition: number; lag: number }) => Promise<void>;
  onCrash?: (error: Error, restart: boolean) => void;
  /** A slice that could not be stored or committed: it is handed over again, from `offset`, after a wait. */
  onError?: (error: Error, position: { topic: string; partition: number; offset: string; failures: number }) => void;
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
/** Wait before a partition's slice that failed is handed over again: doubled at each failure in a row, up to the most. */
const RETRY_FIRST_MS = 250;
const RETRY_MOST_MS = 10000;

/** A consumer started by `startBatchConsumer`. */
export interface BatchConsumer {
  /** Takes no more batches, waits for the ones handed over to be stored and their offsets committed, then leaves the group. */
  stop(): Promise<void>;
}

/** What a partition has in hand: the commit of its last slice handed over, and its failures in a row. */
interface Lane {
  /** Bumped when the partition is moved back after a failure: the slices handed over before are delivered again. */
  epoch: number;
  tail: Promise<void>;
  failures: number;
  retryAt: number;
}

/**
 * A consumer group whose offsets are committed only after the handler stored the batch: a crash at
 * any point redelivers, and the handler is idempotent, so nothing is lost or doubled.
 *
 * Fetching and storing overlap: a partition's slice is handed over, then the next fetch goes out
 * while it is stored, and the slices it brings are handed over (queued behind the transaction in
 * progress, and grouped with the other partitions' slices) as soon as the one before them is stored.
 * So at most two slices of a partition are in hand. A slice's offsets are committed once it and every
 * slice before it in the partition are stored. When one fails, the partition is moved back to its
 * first message, the slices after it are not committed, and it is handed over again after a wait
 * that grows with the failures in a row (the database being restarted, for instance).
 */
export async function startBatchConsumer(options: BatchConsumerOptions): Promise<BatchConsumer> {
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
  const lanes = new Map<string, Lane>();
  // the partitions' slices one transaction stored are committed in one request
  const commits = new OffsetCommits((offsets) => consumer.commitOffsets(offsets));
  let stopping = false;

  const laneOf = (topic: string, partition: number): Lane => {
    const key = `${topic}|${partition}`;
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { epoch: 0, tail: Promise.resolve(), failures: 0, retryAt: 0 }));
    return lane;
  };

  // a slice failed (or its offsets could not be committed): the partition starts again from its
  // first message; the slices handed over after it are not committed and come again
  const moveBack = (lane: Lane, topic: string, partition: number, offset: string, error: unknown) => {
    lane.epoch++;
    lane.tail = Promise.resolve();
    lane.failures++;
    lane.retryAt = Date.now() + Math.min(RETRY_MOST_MS, RETRY_FIRST_MS * 2 ** (lane.failures - 1));
    options.onError?.(error as Error, { topic, partition, offset, failures: lane.failures });
    try {
      consumer.seek({ topic, partition, offset });
    } catch {
      // the partition is no longer this member's: its new owner starts from the committed offset
    }
  };

  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    // offsets are committed here, once stored; kafkajs's own commits would take the offsets resolved
    // for the next fetch, before they are stored
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: options.concurrentPartitions ?? 1,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      if (stopping || !isRunning() || isStale() || batch.messages.length === 0) return;
      const { topic, partition } = batch;
      const lane = laneOf(topic, partition);
      // kafkajs heartbeats only between batches. A batch that takes longer to store than the session
      // (a backlog after a restart, a loaded machine) would get the member dropped: its commit refused,
      // the batch handed out and stored again, and again while batches outlast the session. So the
      // session is kept alive while this partition waits (heartbeat() sends at most one request every
      // heartbeatInterval; a rebalance it reports is met once the wait is over).
      const beating = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_TICK_MS);
      try {
        if (lane.retryAt > Date.now()) await new Promise((resolve) => setTimeout(resolve, lane.retryAt - Date.now()));
        const fetched = batch.messages.map((m) => toInbound(topic, partition, m));
        for (let from = 0; from < fetched.length; from += slice) {
          // the consumer is stopping, or the partition was moved: the rest is delivered again
          if (stopping || !isRunning() || isStale()) return;
          const messages = fetched.slice(from, from + slice);
          const lag = Number(batch.offsetLag()) + fetched.length - (from + messages.length);
          const first = messages[0].offset;
          const next = (BigInt(messages[messages.length - 1].offset) + 1n).toString();
          const { epoch } = lane;
          const previous = lane.tail;
          const stored = options.handle(messages, { topic, partition, lag });
          const committed = previous.then(
            () =>
              stored
                .then(() => commits.commit({ topic, partition, offset: next }))
                .then(
                  () => {
                    if (lane.epoch === epoch) lane.failures = 0;
                  },
                  (error) => {
                    if (lane.epoch === epoch) moveBack(lane, topic, partition, first, error);
                    throw error;
                  },
                ),
            (error) => {
              // a slice before it failed: this one comes again after it, stored or not
              stored.catch(() => undefined);
              throw error;
            },
          );
          committed.catch(() => undefined);
          lane.tail = committed;
          // the next fetch starts after this slice, while it is stored
          resolveOffset(messages[messages.length - 1].offset);
          // at most two slices of a partition in hand: this one, and the one before, awaited now
          await previous.catch(() => undefined);
          if (lane.epoch !== epoch) return;
        }
      } finally {
        clearInterval(beating);
      }
    },
  });

  return {
    async stop() {
      stopping = true;
      consumer.pause(options.topics.map((topic) => ({ topic })));
      await Promise.all([...lanes.values()].map((lane) => lane.tail.catch(() => undefined)));
      await consumer.disconnect();
    },
  };
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
