import { Command } from 'commander';
import { Partitioners } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDatabase, startKafka } from '@mdm/infra';
import { consumerLag } from '@mdm/messaging';
import { loadSettings } from '@mdm/settings';
import { startEngine } from '@mdm/engine/bootstrap';
import { readEngineStats } from '@mdm/api/stats/engine-stats';
import { ATTRIBUTE_NAMES, explainGoldenValue } from '@mdm/core';
import { GoldenRecordEntity } from '@mdm/persistence';
import { ensureDemoUsers } from '@mdm/api/auth/accounts';
import { REVIEW_SAMPLES } from '../demo/review-samples';

/**
 * `mdm demo`: the whole engine on this machine. Starts a local broker and the embedded PostgreSQL
 * (or DATABASE_URL's), starts the engine and the API, publishes each source's example message and
 * look-alike records that give a steward possible matches to review in the console,
 * waits until they are resolved and published, prints a summary and leaves the API running.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('start broker, database, engine, API and console; ingest the example message of every source and records to review')
    .option('--exit', 'stop everything after the summary instead of leaving the API running')
    .action(async (options: { exit?: boolean }) => {
      const settings = loadSettings();
      const say = (line: string) => process.stdout.write(`${line}\n`);
      const port = Number(settings.MDM_KAFKA_BROKERS.split(',')[0].split(':')[1]);
      say('Starting the Kafka broker (Apache Kafka 3.9, first run resolves its jars with Maven)…');
      const kafka = await startKafka({ dataDir: join(settings.MDM_HOME, 'kafka'), port });
      say(settings.DATABASE_URL ? 'Using PostgreSQL at DATABASE_URL…' : 'Starting the embedded PostgreSQL…');
      const database = await resolveDatabase({ dataDir: join(settings.MDM_HOME, 'postgres'), database: 'mdm' });
      const engine = await startEngine(settings, database.url);

      const producer = engine.runtime.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
      await producer.connect();
      const admin = engine.runtime.kafka.admin();
      await admin.connect();
      const topics = engine.runtime.rules.mappings.map((m) => m.topic);
      const topicOf = (source: string) => engine.runtime.rules.mappings.find((m) => m.source === source)!.topic;
      const deadline = Date.now() + 60000;
      // the group's coordinator may still be loading: that counts as "not yet"
      let lag = Number.POSITIVE_INFINITY;
      let stats = await readEngineStats(engine.runtime.dataSource);
      // done when the engine has committed every published message and the outbox is empty
      const settle = async () => {
        lag = await consumerLag(admin, settings.MDM_CONSUMER_GROUP, topics).catch(() => Number.POSITIVE_INFINITY);
        stats = await readEngineStats(engine.runtime.dataSource);
        while (Date.now() < deadline && (lag > 0 || stats.outbox.pending > 0)) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          lag = await consumerLag(admin, settings.MDM_CONSUMER_GROUP, topics).catch(() => lag);
          stats = await readEngineStats(engine.runtime.dataSource);
        }
      };

      for (const mapping of engine.runtime.rules.mappings) {
        const file = join(settings.MDM_CONFIG_DIR, 'sources', `${mapping.source}.example.json`);
        await producer.send({ topic: mapping.topic, acks: -1, messages: [{ key: mapping.source, value: readFileSync(file) }] });
        say(`  published ${file} on ${mapping.topic}`);
      }
      await settle();
      // look-alikes for a steward to review: the online accounts first, so that each lead finds its account
      for (const source of ['ecommerce', 'forms'] as const) {
        const samples = REVIEW_SAMPLES.filter((m) => m.source === source);
        await producer.send({ topic: topicOf(source), acks: -1, messages: samples.map((m) => ({ key: m.key, value: JSON.stringify(m.value) })) });
        say(`  published ${samples.length} ${source === 'ecommerce' ? 'online accounts' : 'leads'} for review on ${topicOf(source)}`);
        await settle();
      }
      await producer.disconnect();
      await admin.disconnect();
      if (lag > 0) say(`Not yet consumed after 60 s: ${Number.isFinite(lag) ? `${lag} message(s)` : 'the consumer group is not ready'}`);
      say('');
      say(`Records in:      ${stats.sourceRecords.total} (${Object.entries(stats.sourceRecords.bySource).map(([s, n]) => `${s} ${n}`).join(', ')})`);
      say(`Golden records:  ${stats.goldenRecords.active}`);
      say(`Dead letters:    ${stats.deadLetters.total}`);
      say(`Unpublished:     ${stats.outbox.pending}`);
      say(`Open tasks:      ${stats.tasks.open} (${Object.entries(stats.tasks.byType).map(([t, n]) => `${t} ${n}`).join(', ')})`);
      say('');
      // each golden record of several source records with, for every value, the source record it came from and why
      const active = await engine.runtime.dataSource.getRepository(GoldenRecordEntity).find({ where: { status: 'active' }, order: { kind: 'ASC', createdAt: 'ASC' } });
      const golden = active.filter((g) => g.sources.length > 1);
      for (const g of golden) {
        say(`${g.kind} ${g.id} (${g.sources.map((r) => `${r.source}:${r.sourceId}`).join(', ')})`);
        const values = { attributes: g.attributes, lineage: g.lineage } as Parameters<typeof explainGoldenValue>[0];
        for (const attribute of ATTRIBUTE_NAMES.filter((a) => values.attributes[a] !== undefined)) {
          const explanation = explainGoldenValue(values, attribute);
          const value = explanation.values.map((v) => String(v.value)).join(', ');
          const from = [...new Set(explanation.values.map((v) => `${v.source}:${v.sourceId}`))].join(', ');
          say(`  ${attribute.padEnd(13)} ${value.length > 40 ? `${value.slice(0, 39)}…` : value.padEnd(40)}  ← ${from} (${explanation.values[0]?.rule ?? ''})`);
        }
        say('');
      }
      say(`…and ${active.length - golden.length} golden records of a single source record each.`);
      say('');
      // the people who sign in to the API: one account per role, with a fresh password each run
      const accounts = await ensureDemoUsers(engine.runtime.dataSource);
      say('Sign in to the API (POST /auth/login) with one of these accounts (passwords are new at each run):');
      for (const a of accounts) say(`  ${a.username.padEnd(8)} ${a.password}  (${a.roles.join(', ')})`);
      say('');
      const steward = accounts.find((a) => a.username === 'steward')!;
      say(`Console: ${engine.url}/console/  — sign in as steward (password ${steward.password}) to review the possible matches.`);
      say('');
      const stop = async () => {
        await engine.close();
        await kafka.stop();
        await database.stop();
      };
      if (options.exit) {
        await stop();
        return;
      }
      say(`API: ${engine.url}  (documentation at ${engine.url}/docs) — Ctrl-C stops everything.`);
      say(`  curl -s -X POST ${engine.url}/auth/login -H 'content-type: application/json' -d '{"username":"steward","password":"${steward.password}"}'`);
      say(`  curl -H 'Authorization: Bearer <the token it answers>' ${engine.url}/golden-records`);
      const onSignal = () => void stop().then(() => process.exit(0));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    });
}
