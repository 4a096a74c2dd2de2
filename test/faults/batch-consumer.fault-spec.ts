import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { BatchConsumer, startBatchConsumer } from '@mdm/messaging';
import { brokers, eventually } from '../support/harness';

/**
 * The batch consumer under slow and failing batches.
 *
 * A batch that takes longer to store than the consumer's session timeout (a backlog after a restart,
 * a loaded machine): the consumer keeps its session while it stores the batch, so the batch is
 * committed once instead of being refused, handed out again and stored again, possibly forever.
 *
 * The consumer fetches a partition's next slice while the one before is stored. When a slice fails
 * after the next one was handed over (and stored), the partition must not be committed past the
 * failed slice: it is moved back to its first message, and both are handed over again.
 */
describe('the batch consumer (slow and failing batches)', () => {
  const kafka = new Kafka({ clientId: 'test-slow-batch', brokers: brokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer();
  let consumer: BatchConsumer | null = null;

  beforeAll(async () => {
    await admin.connect();
    await producer.connect();
  });

  afterAll(async () => {
    await consumer?.stop();
    await producer.disconnect();
    await admin.disconnect();
  });

  /** A topic of one partition holding one message per key, and the group that reads it. */
  const topicWith = async (name: string, keys: string[]) => {
    const topic = `t${randomBytes(4).toString('hex')}.${name}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await producer.send({ topic, messages: keys.map((key) => ({ key, value: key })) });
    return { topic, groupId: `${topic}.engine` };
  };

  /** Replaces the consumer by one handing the topic over in slices of at most two messages. */
  const startSliced = async (topic: string, groupId: string, handle: Parameters<typeof startBatchConsumer>[0]['handle'], onError?: Parameters<typeof startBatchConsumer>[0]['onError']) => {
    await consumer?.stop();
    consumer = await startBatchConsumer({ kafka, groupId, topics: [topic], sessionTimeoutMs: 6000, maxBatchMessages: 2, handle, onError });
  };

  /** The group's committed offset of partition 0 (-1: none yet). */
  const committedOffset = async (groupId: string, topic: string) =>
    Number((await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions.find((p) => p.partition === 0)?.offset ?? -1);

  it('a batch slower than the session is stored once and its offsets committed', async () => {
    const topic = `t${randomBytes(4).toString('hex')}.slow`;
    const groupId = `${topic}.engine`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await producer.send({ topic, messages: ['a', 'b', 'c'].map((key) => ({ key, value: key })) });

    const sessionTimeoutMs = 6000;
    const handled: string[][] = [];
    consumer = await startBatchConsumer({
      kafka,
      groupId,
      topics: [topic],
      sessionTimeoutMs,
      handle: async (messages) => {
        handled.push(messages.map((m) => m.offset));
        // well past the session: the broker drops a member that stays silent this long
        await new Promise((resolve) => setTimeout(resolve, 2.5 * sessionTimeoutMs));
      },
    });

    await eventually(
      async () => (await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions.find((p) => p.partition === 0)?.offset === '3',
      'the batch committed',
      60000,
    );
    expect(handled).toEqual([['0', '1', '2']]);
  }, 90000);

  it('a backlog is stored and committed in slices', async () => {
    const { topic, groupId } = await topicWith('backlog', ['a', 'b', 'c', 'd', 'e']);
    const committed = () => committedOffset(groupId, topic);

    // each slice, in the order handed over, and the offset committed while it is handled
    const handled: { offsets: string[]; committed: number }[] = [];
    await startSliced(topic, groupId, async (messages) => {
      // noted as handed over, before the read: the next slice's handling runs meanwhile
      const slice = { offsets: messages.map((m) => m.offset), committed: NaN };
      handled.push(slice);
      slice.committed = await committed();
    });

    await eventually(async () => (await committed()) === 5, 'the backlog committed', 60000);
    expect(handled.every((h) => h.offsets.length <= 2)).toBe(true);
    expect(handled.flatMap((h) => h.offsets)).toEqual(['0', '1', '2', '3', '4']);
    // a slice's offsets are committed once it is stored, never before; the slice after it is handed
    // over while it is stored, not later (at most two slices of a partition in hand)
    handled.forEach((h, i) => {
      const committedThen = h.committed === -1 ? 0 : h.committed;
      expect(committedThen).toBeLessThanOrEqual(Number(h.offsets[0]));
      if (i > 0) expect(committedThen).toBeGreaterThanOrEqual(Number(handled[i - 1].offsets[0]));
    });
  }, 90000);

  it('a slice that fails while the next one is stored is handed over again with it, and nothing is committed past it before it is stored', async () => {
    const { topic, groupId } = await topicWith('pipeline', ['a', 'b', 'c', 'd', 'e', 'f']);
    const committed = () => committedOffset(groupId, topic);

    const handed: string[][] = [];
    const stored = new Set<string>();
    const errors: { offset: string; failures: number }[] = [];
    let failed = false;
    let secondSliceStored = false;
    await startSliced(
      topic,
      groupId,
      async (messages) => {
        const offsets = messages.map((m) => m.offset);
        handed.push(offsets);
        if (offsets[0] === '2' && !failed) {
          // the first time, this slice fails, and only once the slice after it is stored
          await eventually(() => stored.has('4'), 'the next slice stored', 20000);
          failed = true;
          throw new Error('the database went away');
        }
        for (const offset of offsets) stored.add(offset);
        if (offsets[0] === '2') secondSliceStored = true;
      },
      (_error, position) => errors.push({ offset: position.offset, failures: position.failures }),
    );

    // the committed offset, watched until the end: never past the failed slice while it is not stored
    let watching = true;
    let pastTheFailedSlice = false;
    const watcher = (async () => {
      while (watching) {
        const offset = await committed();
        if (!secondSliceStored && offset > 2) pastTheFailedSlice = true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await eventually(async () => (await committed()) === 6, 'every slice committed', 60000);
    watching = false;
    await watcher;

    expect(failed).toBe(true);
    expect(pastTheFailedSlice).toBe(false);
    // the slice after the failed one was handed over while it was stored (fetched ahead)…
    const firstTime = handed.findIndex((h) => h[0] === '2');
    expect(handed.slice(firstTime + 1).some((h) => h[0] === '4')).toBe(true);
    // …then the partition went back to the failed slice's first message, told once
    expect(errors).toEqual([{ offset: '2', failures: 1 }]);
    const after = handed.slice(handed.findIndex((h, i) => i > firstTime && h[0] === '2'));
    expect(after.flat()).toEqual(['2', '3', '4', '5']);
    expect([...stored].sort()).toEqual(['0', '1', '2', '3', '4', '5']);
  }, 90000);
});
