import { AssignerProtocol } from 'kafkajs';
import { TestEnvironment, eventually } from '../support/harness';
import { EngineProcess } from '../support/engine-process';
import { checkEngine, generatedConfigDir, generatedTopic, settled } from '../support/faults';

/**
 * Two engine instances in one consumer group, each topic on two partitions: the records of one
 * person from two sources are handled at the same moment by different instances. Over many random
 * interleavings, each person ends in exactly one golden record.
 */
describe('two engine instances racing on the same customers', () => {
  const configDir = generatedConfigDir();
  const engines: EngineProcess[] = [];
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await TestEnvironment.create('fault-concurrency');
    for (let i = 0; i < 2; i++) {
      engines.push(EngineProcess.start(env, { MDM_CONFIG_DIR: configDir, MDM_TOPIC_PARTITIONS: '2', MDM_CONSUMER_SESSION_TIMEOUT_MS: '6000', MDM_CLIENT_ID: `mdm-engine-${i}` }));
    }
    await settled(env);
    await sharedGroup();
  });
  afterAll(async () => {
    for (const engine of engines) await engine.stop();
    await env.close();
  });

  /**
   * Waits until the group is stable with both instances in it, each holding one partition of each
   * source topic. Right after a start, or when a member's session lapsed under load, the group is
   * still rebalancing and lists fewer members: that is not yet an answer.
   */
  async function sharedGroup(): Promise<Record<string, number[]>[]> {
    const admin = env.kafka.admin();
    await admin.connect();
    try {
      return await eventually(async () => {
        for (const engine of engines) if (!engine.running) throw new Error(`an engine instance stopped:\n${engine.output}`);
        const [group] = (await admin.describeGroups([`${env.prefix}engine`])).groups;
        if (group.state !== 'Stable' || group.members.length !== 2) return undefined;
        const assigned = group.members.map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)!.assignment);
        const shared = assigned.every((a) => a[env.topic(generatedTopic('crm'))]?.length === 1 && a[env.topic(generatedTopic('ecommerce'))]?.length === 1);
        return shared ? assigned : undefined;
      }, 'both engine instances to share the consumer group', 90000);
    } finally {
      await admin.disconnect();
    }
  }

  const syllables = ['ma', 'ri', 'lo', 'be', 'tan', 'gu', 'vel', 'dor', 'sin', 'fa', 'que', 'ron'];
  const name = (n: number) => [n % 12, Math.floor(n / 12) % 12, Math.floor(n / 144) % 12].map((k) => syllables[k]).join('');

  it('gives each person exactly one golden record, round after round', async () => {
    let seed = 17;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const persons = 40;
    for (let round = 0; round < 4; round++) {
      const sends: (() => Promise<void>)[] = [];
      for (let i = 0; i < persons; i++) {
        const n = round * persons + i;
        const person = { kind: 'person', firstName: 'Camille', lastName: `${name(n)}ard`, email: `camille.${name(n)}@example.fr`, phone: `06${String(10000000 + n).slice(-8)}`, updatedAt: '2026-01-01T00:00:00Z' };
        // the two records of a person land on different partitions of different topics, in random order
        const crm = { topic: generatedTopic('crm'), partition: Math.floor(random() * 2), record: { ...person, record_id: `crm-${n}` } };
        const shop = { topic: generatedTopic('ecommerce'), partition: Math.floor(random() * 2), record: { ...person, record_id: `shop-${n}` } };
        for (const { topic, partition, record } of random() < 0.5 ? [crm, shop] : [shop, crm]) {
          sends.push(() => env.produce(topic, [{ key: record.record_id, partition, value: JSON.stringify(record) }]));
        }
      }
      // sent concurrently, a few at a time, so both instances have work at once
      for (let i = 0; i < sends.length; i += 8) await Promise.all(sends.slice(i, i + 8).map((send) => send()));
      await settled(env);
      const split = await env.db.query(
        `SELECT substring(x.source_id from '[0-9]+$') AS person, count(DISTINCT x.golden_id)::int AS golden
           FROM xref x GROUP BY 1 HAVING count(DISTINCT x.golden_id) <> 1`,
      );
      expect(split).toEqual([]);
      const [{ n: together }] = await env.db.query(`SELECT count(*)::int AS n FROM golden_record WHERE status = 'active' AND jsonb_array_length(sources) = 2`);
      expect(together).toBe((round + 1) * persons);
    }
    const { report } = await checkEngine(env, configDir);
    expect(report.violations).toEqual([]);
    expect(report.counts.records).toBe(4 * persons * 2);
    // the group really was shared to the end: both instances still hold partitions of both source topics
    const assigned = await sharedGroup();
    expect(assigned).toHaveLength(2);
    expect(engines.every((engine) => engine.running)).toBe(true);
  });
});
