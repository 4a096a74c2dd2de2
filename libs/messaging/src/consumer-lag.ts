import { Admin } from 'kafkajs';

/**
 * How many messages of `topics` the consumer group has not committed yet, summed over partitions.
 * A partition the group never committed counts from its low watermark. Zero means every message
 * published so far has been handled and its offset committed.
 */
export async function consumerLag(admin: Admin, groupId: string, topics: string[]): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  let lag = 0;
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const group = committed.find((t) => t.topic === topic)?.partitions ?? [];
    for (const { partition, high, low } of ends) {
      const offset = group.find((p) => p.partition === partition)?.offset ?? '-1';
      const from = offset === '-1' ? BigInt(low) : BigInt(offset);
      const behind = BigInt(high) - from;
      if (behind > 0n) lag += Number(behind);
    }
  }
  return lag;
}
