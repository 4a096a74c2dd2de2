import { generateRows } from '@mdm/core';
import { TestEnvironment } from '../support/harness';
import { checkEngine, compareGoldenStates, generatedConfigDir, generatedTopic, publishRows, settled } from '../support/faults';

/**
 * At-least-once delivery: the same messages delivered again, and the consumer group reset to the
 * beginning, change nothing; the live state equals a single-threaded replay of the same input.
 */
describe('redelivery and replay', () => {
  const configDir = generatedConfigDir();
  const rows = [...generateRows({ records: 400, seed: 23 })];
  let env: TestEnvironment;
  let replay: TestEnvironment | null = null;

  beforeAll(async () => {
    env = await TestEnvironment.create('fault-redelivery');
    await env.start({ MDM_CONFIG_DIR: configDir });
  });
  afterAll(async () => {
    await replay?.close();
    await env.close();
  });

  it('holds every invariant after the first delivery, a second delivery and a replay from the beginning', async () => {
    await publishRows(env, rows);
    // poison in the middle of the stream: not JSON, and an object without a record id
    await env.produce(generatedTopic('crm'), [{ key: 'bad', value: '{not json' }, { key: 'bad2', value: JSON.stringify({ lastName: 'Sans identifiant' }) }]);
    await settled(env);
    const first = await checkEngine(env, configDir);
    expect(first.report.violations).toEqual([]);
    expect(first.report.counts.records).toBe(rows.length);
    expect(first.report.counts.deadLetters).toBe(2);
    // duplicates in the generated data: fewer golden records than records
    expect(first.report.counts.goldenRecords).toBeLessThan(rows.length);

    // the same messages again, as a source that retries would send them
    await publishRows(env, rows);
    await settled(env);
    const second = await checkEngine(env, configDir);
    expect(second.report.violations).toEqual([]);
    expect(compareGoldenStates(second.digest, first.digest)).toEqual([]);

    // the consumer group reset to the beginning: everything is read again
    await env.stopEngine();
    const admin = env.kafka.admin();
    await admin.connect();
    for (const source of ['erp', 'crm', 'ecommerce', 'forms']) await admin.resetOffsets({ groupId: `${env.prefix}engine`, topic: env.topic(generatedTopic(source)), earliest: true });
    await admin.disconnect();
    await env.start({ MDM_CONFIG_DIR: configDir });
    await settled(env);
    const third = await checkEngine(env, configDir);
    expect(third.report.violations).toEqual([]);
    expect(compareGoldenStates(third.digest, first.digest)).toEqual([]);

    // a fresh engine on a fresh database reads the same topics alone, in one consumer, from the beginning
    replay = await TestEnvironment.create('fault-replay');
    await replay.start({ MDM_CONFIG_DIR: configDir, MDM_TOPIC_PREFIX: env.prefix, MDM_CONSUMER_GROUP: `${replay.prefix}replay` });
    await settled(replay, `${replay.prefix}replay`, env.prefix);
    const replayed = await checkEngine(replay, configDir, env.prefix);
    expect(compareGoldenStates(third.digest, replayed.digest)).toEqual([]);
  });

  it('the check finds a record taken out of its golden record on purpose', async () => {
    const [{ source, source_id: sourceId, golden_id: goldenId }] = await env.db.query(`SELECT source, source_id, golden_id FROM xref ORDER BY source, source_id LIMIT 1`);
    await env.db.query(`UPDATE golden_record SET sources = (SELECT coalesce(jsonb_agg(s), '[]') FROM jsonb_array_elements(sources) s WHERE NOT (s->>'source' = $2 AND s->>'sourceId' = $3)) WHERE id = $1`, [goldenId, source, sourceId]);
    await env.db.query(`DELETE FROM xref WHERE source = $1 AND source_id = $2`, [source, sourceId]);
    const { report } = await checkEngine(env, configDir);
    expect(report.ok).toBe(false);
    expect(report.violations.map((v) => v.invariant)).toContain('accepted-record-lost');
    expect(report.violations.some((v) => v.detail.includes(`${source}:${sourceId}`))).toBe(true);
  });
});
