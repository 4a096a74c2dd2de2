import { randomBytes } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { startBatchConsumer } from '@mdm/messaging';
import { brokers, eventually } from '../support/harness';

/**
 * A batch that takes longer to store than the consumer's session timeout (a backlog after a restart,
 * a loaded machine): the consumer keeps its session while it stores the batch, so the batch is
 * committed once instead of being refused, handed out again and stored again, possibly forever.
 */
describe('a batch slower than the consumer session', () => {
  const kafka = new Kafka({ clientId: 'test-slow-batch', brokers: brokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer();
  let consumer: Consumer | null = null;

  beforeAll(async () => {
    await admin.connect();
    await producer.connect();
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer.disconnect();
    await admin.disconnect();
  });

  it('is stored once and its offsets committed', async () => {
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
    const topic = `t${randomBytes(4).toString('hex')}.backlog`;
    const groupId = `${topic}.engine`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await producer.send({ topic, messages: ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key, value: key })) });
    const committed = async () => Number((await admin.fetchOffsets({ groupId, topics: [topic] }))[0].partitions.find((p) => p.partition === 0)?.offset ?? -1);

    // each slice, the offsets committed when it is handed over
    const handled: { offsets: string[]; committed: number }[] = [];
    await consumer?.disconnect();
    consumer = await startBatchConsumer({
      kafka,
      groupId,
      topics: [topic],
      sessionTimeoutMs: 6000,
      maxBatchMessages: 2,
      handle: async (messages) => {
        handled.push({ offsets: messages.map((m) => m.offset), committed: await committed() });
      },
    });

    await eventually(async () => (await committed()) === 5, 'the backlog committed', 60000);
    expect(handled.every((h) => h.offsets.length <= 2)).toBe(true);
    expect(handled.flatMap((h) => h.offsets)).toEqual(['0', '1', '2', '3', '4']);
    // a slice is committed before the next one is handed over
    for (const h of handled) expect(h.committed === -1 ? 0 : h.committed).toBe(Number(h.offsets[0]));
  }, 90000);
});
