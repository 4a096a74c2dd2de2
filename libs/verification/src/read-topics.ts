import { randomBytes } from 'node:crypto';
import { Kafka } from 'kafkajs';

export interface TopicMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/**
 * Every message of `topics` from the beginning up to the end each partition had when the read
 * started, through a throw-away consumer group that commits nothing.
 */
export async function readTopicsToEnd(kafka: Kafka, topics: string[], timeoutMs = 120000): Promise<TopicMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>(); // topic:partition → end offset still to reach
  try {
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) remaining.set(`${topic}:${partition}`, BigInt(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const messages: TopicMessage[] = [];
  if (remaining.size === 0) return messages;

  const consumer = kafka.consumer({ groupId: `mdm-verify-${randomBytes(6).toString('hex')}`, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topics.join(', ')} did not reach the end in ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const key = `${batch.topic}:${batch.partition}`;
            const end = remaining.get(key);
            for (const m of batch.messages) {
              if (end === undefined || BigInt(m.offset) >= end) continue;
              const headers: Record<string, string> = {};
              for (const [name, value] of Object.entries(m.headers ?? {})) if (value !== undefined) headers[name] = String(value);
              messages.push({ topic: batch.topic, partition: batch.partition, offset: m.offset, key: m.key, value: m.value, headers });
            }
            // compaction may have removed the last offsets: the batch's own high watermark says when nothing is left
            const last = batch.messages.length > 0 ? BigInt(batch.lastOffset()) : -1n;
            if (end !== undefined && (last + 1n >= end || batch.offsetLag() === '0')) remaining.delete(key);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
