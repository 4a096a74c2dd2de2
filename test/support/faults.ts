import { generatedRowPayload, generatedTopic, writeGeneratedConfig } from '@mdm/engine/ingest/generated-rows';
import { GENERATOR_SOURCES, GeneratedRow, InvariantReport, checkInvariants, compareGoldenStates, digestGoldenState } from '@mdm/core';
import { consumerLag } from '@mdm/messaging';
import { observeEngine } from '@mdm/verification';
import { loadRules } from '@mdm/settings';
import { CONFIG_DIR, TestEnvironment, eventually } from './harness';

/** A configuration folder whose sources read generated rows, on the `gen.<source>` topics. */
export const generatedConfigDir = () => writeGeneratedConfig(CONFIG_DIR);
export { generatedTopic };

/** Publishes generated rows on their sources' topics, keyed by record id (so versions of a record keep their order). */
export async function publishRows(env: TestEnvironment, rows: GeneratedRow[]): Promise<void> {
  for (const source of GENERATOR_SOURCES) {
    const messages = rows.filter((r) => r.source === source).map((r) => ({ key: r.record_id, value: JSON.stringify(generatedRowPayload(r)) }));
    for (let i = 0; i < messages.length; i += 500) await env.produce(generatedTopic(source), messages.slice(i, i + 500));
  }
}

/** Waits until the engine's consumer group has committed every published message and the outbox is empty. */
export async function settled(env: TestEnvironment, group = `${env.prefix}engine`, prefix = env.prefix, timeoutMs = 120000): Promise<void> {
  const admin = env.kafka.admin();
  await admin.connect();
  try {
    const topics = GENERATOR_SOURCES.map((s) => prefix + generatedTopic(s));
    await eventually(
      async () => {
        // the group's coordinator may still be loading right after a start or a crash: not yet
        const lag = await consumerLag(admin, group, topics).catch(() => -1);
        // before the engine's migrations ran there is no outbox yet: not yet either
        const pending = await env.db.query(`SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`).then(([row]) => row.pending as number, () => -1);
        return lag === 0 && pending === 0;
      },
      'the engine to consume every message and publish every change',
      timeoutMs,
    );
  } finally {
    await admin.disconnect();
  }
}

/** The invariant check, read independently of the engine: topics through a throw-away consumer, tables through plain SQL. */
export async function checkEngine(env: TestEnvironment, configDir: string, prefix = env.prefix): Promise<{ report: InvariantReport; digest: ReturnType<typeof digestGoldenState> }> {
  const state = await observeEngine({
    kafka: env.kafka,
    databaseUrl: env.databaseUrl,
    mappings: loadRules(configDir).mappings.map((m) => ({ ...m, topic: prefix + m.topic })),
    topics: { deadLetters: `${prefix}mdm.dlq`, goldenEvents: `${prefix}mdm.golden.events` },
    maxMessageBytes: 512 * 1024,
  });
  return { report: checkInvariants(state), digest: digestGoldenState(state.goldenValues) };
}

export { compareGoldenStates };
