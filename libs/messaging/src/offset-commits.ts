/** A partition's next offset to commit, as kafkajs takes it. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Offset commits asked for in one turn of the event loop, sent as one request. The slices of many
 * partitions stored by one transaction are committed together: one round trip to the group
 * coordinator instead of one per partition. A partition given twice in a turn commits its highest
 * offset. Every caller of a turn is told the request's outcome.
 */
export class OffsetCommits {
  private pending: { offsets: Map<string, PartitionOffset>; sent: Promise<void> } | null = null;

  constructor(private readonly send: (offsets: PartitionOffset[]) => Promise<void>) {}

  commit(offset: PartitionOffset): Promise<void> {
    if (!this.pending) {
      const turn = { offsets: new Map<string, PartitionOffset>(), sent: Promise.resolve() };
      turn.sent = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.pending = null;
        return this.send([...turn.offsets.values()]);
      });
      this.pending = turn;
    }
    const key = `${offset.topic}|${offset.partition}`;
    const earlier = this.pending.offsets.get(key);
    if (!earlier || BigInt(offset.offset) > BigInt(earlier.offset)) this.pending.offsets.set(key, offset);
    return this.pending.sent;
  }
}
