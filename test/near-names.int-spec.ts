import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { generateRows } from '@mdm/core';
import { StewardTaskStore, inTransaction } from '@mdm/persistence';
import { loadRules } from '@mdm/settings';
import { generatedRowMessage, generatedRowsIngest, generatedRowsReviewer } from '@mdm/engine/ingest/generated-rows';
import { nearNameRecords } from '@mdm/observability';
import { CONFIG_DIR, TestEnvironment } from './support/harness';

/**
 * The near-name reviewer on generated records (real PostgreSQL): it drains the queue the ingest
 * fills, and a record whose golden records another transaction holds is queued again, not written
 * against and not waited for.
 */
/** Open pair tasks that ask a question another open task asks the other way round. */
const reversedPairs = `steward_task a JOIN steward_task b ON b.type = a.type AND b.golden_id = a.candidate_golden_id AND b.candidate_golden_id = a.golden_id
  WHERE a.status = 'open' AND b.status = 'open' AND a.type IN ('possible-match', 'source-duplicate')`;

/** The record (`source`, `source_id` columns of `alias`) has a namesake in its golden record: a review of it is spared its search. */
const hasNamesake = (alias: string, source = 'source', sourceId = 'source_id') => `EXISTS (
  SELECT 1 FROM record_name a JOIN xref xa ON xa.source = a.source AND xa.source_id = a.source_id
    JOIN xref xb ON xb.golden_id = xa.golden_id JOIN record_name b ON b.source = xb.source AND b.source_id = xb.source_id
   WHERE a.source = ${alias}.${source} AND a.source_id = ${alias}.${sourceId} AND b.kind = a.kind AND b.name = a.name
     AND NOT (b.source = a.source AND b.source_id = a.source_id))`;

describe('near-name reviewer (real PostgreSQL)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;
  const count = async (sql: string, params: unknown[] = []) => Number((await dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    env = await TestEnvironment.create('near_names');
    dataSource = await env.migratedDataSource(3);
    const ingest = generatedRowsIngest(dataSource, loadRules(CONFIG_DIR), 'near.');
    const rows = [...generateRows({ records: 1500, seed: 3 })];
    for (let i = 0; i < rows.length; i += 100) await ingest.execute(rows.slice(i, i + 100).map((row, k) => generatedRowMessage(row, i + k)));
  });

  afterAll(async () => {
    await env?.close();
  });

  it('looks at every queued record once, and opens tasks only it owns', async () => {
    const queued = await count(`SELECT count(*) AS n FROM near_name_queue`);
    expect(queued).toBe(await count(`SELECT count(*) AS n FROM record_name`));
    const reviewer = generatedRowsReviewer(dataSource, loadRules(CONFIG_DIR));
    let looked = 0;
    for (let taken; (taken = await reviewer.reviewBatch()) > 0; ) looked += taken;
    expect(looked).toBe(queued);
    expect(await count(`SELECT count(*) AS n FROM near_name_queue`)).toBe(0);
    // the generated data has misspelled names that share no key: some tasks, each about two golden records of different components
    const tasks: { golden_id: string; candidate_golden_id: string; same: boolean }[] = await dataSource.query(
      `SELECT t.golden_id, t.candidate_golden_id, coalesce(a.component, a.id::text) = coalesce(b.component, b.id::text) AS same
         FROM steward_task t JOIN golden_record a ON a.id = t.golden_id JOIN golden_record b ON b.id = t.candidate_golden_id
        WHERE t.status = 'open' AND t.details ->> 'foundBy' = 'near-name'`,
    );
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.filter((t) => t.same || t.golden_id === t.candidate_golden_id)).toEqual([]);
    // one question per pair of golden records: a record found the other way round opens none
    expect(await count(`SELECT count(*) AS n FROM ${reversedPairs}`)).toBe(0);
  });

  it('asks nothing about two golden records that an open task asks about the other way round', async () => {
    const [task] = await dataSource.query(
      `SELECT t.id, t.golden_id, t.candidate_golden_id, t.source, t.source_id, t.candidate_source, t.candidate_source_id
         FROM steward_task t WHERE t.status = 'open' AND t.type = 'possible-match' AND t.details ->> 'foundBy' = 'near-name'
          AND NOT ${hasNamesake('t', 'candidate_source', 'candidate_source_id')} ORDER BY t.id LIMIT 1`,
    );
    expect(task).toBeDefined();
    const at = new Date();
    await inTransaction(dataSource, (db) =>
      new StewardTaskStore(db).upsertPossibleMatches([
        {
          type: 'possible-match',
          task: {
            source: task.candidate_source,
            sourceId: task.candidate_source_id,
            goldenId: task.candidate_golden_id,
            candidateGoldenId: task.golden_id,
            candidateSource: task.source,
            candidateSourceId: task.source_id,
            probability: 0.3,
            details: { reason: 'uncertain' },
            at,
          },
        },
      ]),
    );
    // the question open stays, and none is asked the other way round
    expect((await dataSource.query(`SELECT status FROM steward_task WHERE id = $1`, [task.id]))[0].status).toBe('open');
    const otherWay = `SELECT count(*) AS n FROM steward_task WHERE status = 'open' AND golden_id = $1 AND candidate_golden_id = $2`;
    expect(await count(otherWay, [task.candidate_golden_id, task.golden_id])).toBe(0);
    // nor by the reviewer, when the candidate's record is looked at again
    await dataSource.query(`INSERT INTO near_name_queue (source, source_id, queued_at) VALUES ($1, $2, now())`, [task.candidate_source, task.candidate_source_id]);
    expect(await generatedRowsReviewer(dataSource, loadRules(CONFIG_DIR)).reviewBatch()).toBe(1);
    expect(await count(otherWay, [task.candidate_golden_id, task.golden_id])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM ${reversedPairs}`)).toBe(0);
  });

  it('queues a record again when another transaction holds its golden record, and writes its task once it is free', async () => {
    const [task] = await dataSource.query(
      `SELECT id, source, source_id, golden_id FROM steward_task t WHERE status = 'open' AND details ->> 'foundBy' = 'near-name' AND NOT ${hasNamesake('t')} ORDER BY id LIMIT 1`,
    );
    expect(task).toBeDefined();
    const mine = `source = $1 AND source_id = $2 AND status = 'open' AND details ->> 'foundBy' = 'near-name'`;
    const before = await count(`SELECT count(*) AS n FROM steward_task WHERE ${mine}`, [task.source, task.source_id]);
    await dataSource.query(`DELETE FROM steward_task WHERE ${mine}`, [task.source, task.source_id]);
    await dataSource.query(`INSERT INTO near_name_queue (source, source_id, queued_at) VALUES ($1, $2, now())`, [task.source, task.source_id]);
    const reviewer = generatedRowsReviewer(dataSource, loadRules(CONFIG_DIR));

    // an ingest holding the record's golden record
    const holder = new Client({ connectionString: env.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM golden_record WHERE id = $1 FOR UPDATE`, [task.golden_id]);
      const started = Date.now();
      expect(await reviewer.reviewBatch()).toBe(0);
      // it did not wait for the holder, wrote nothing, and the record waits in the queue again
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(await count(`SELECT count(*) AS n FROM near_name_queue WHERE source = $1 AND source_id = $2`, [task.source, task.source_id])).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM steward_task WHERE ${mine}`, [task.source, task.source_id])).toBe(0);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }

    expect(await reviewer.reviewBatch()).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM near_name_queue`)).toBe(0);
    const again: { golden_id: string }[] = await dataSource.query(`SELECT golden_id FROM steward_task WHERE ${mine}`, [task.source, task.source_id]);
    expect(again).toHaveLength(before);
    expect(again.every((t) => t.golden_id === task.golden_id)).toBe(true);
  });
  it('searches a name once per golden record: a record whose namesake there was looked at is spared its search', async () => {
    const outcomes = async () => Object.fromEntries((await nearNameRecords.get()).values.map((v) => [v.labels.outcome, v.value]));
    const reviewer = generatedRowsReviewer(dataSource, loadRules(CONFIG_DIR));
    const review = async (records: { source: string; source_id: string }[]) => {
      await dataSource.query(`INSERT INTO near_name_queue (source, source_id, queued_at) SELECT * FROM unnest($1::text[], $2::text[]) AS r, now()`, [
        records.map((r) => r.source),
        records.map((r) => r.source_id),
      ]);
      const before = await outcomes();
      while ((await reviewer.reviewBatch()) > 0);
      const after = await outcomes();
      return { searched: (after.searched ?? 0) - (before.searched ?? 0), spared: (after.spared ?? 0) - (before.spared ?? 0) };
    };
    // the two records of a golden record that share a name (copies of one party in two sources)
    const [pair]: { sources: string[]; ids: string[] }[] = await dataSource.query(
      `SELECT array_agg(r.source ORDER BY r.source, r.source_id) AS sources, array_agg(r.source_id ORDER BY r.source, r.source_id) AS ids
         FROM record_name r JOIN xref x ON x.source = r.source AND x.source_id = r.source_id
        GROUP BY x.golden_id, r.kind, r.name HAVING count(*) = 2 ORDER BY 1, 2 LIMIT 1`,
    );
    expect(pair).toBeDefined();
    const [first, second] = pair.ids.map((id, i) => ({ source: pair.sources[i], source_id: id }));
    expect(await count(`SELECT count(*) AS n FROM near_name_queue`)).toBe(0);
    // both waiting: the name is searched once
    expect(await review([first, second])).toEqual({ searched: 1, spared: 1 });
    // one again, the other looked at: no search
    expect(await review([second])).toEqual({ searched: 0, spared: 1 });
    // a record alone under its name in its golden record is searched
    const [alone]: { source: string; source_id: string }[] = await dataSource.query(`SELECT source, source_id FROM record_name r WHERE NOT ${hasNamesake('r')} ORDER BY source, source_id LIMIT 1`);
    expect(await review([alone])).toEqual({ searched: 1, spared: 0 });
  });

  it('queues a new version only when what the matcher reads of it changed', async () => {
    const ingest = generatedRowsIngest(dataSource, loadRules(CONFIG_DIR), 'near.');
    const rows = [...generateRows({ records: 1500, seed: 3 })];
    const row = rows.find((r) => r.kind === 'person' && r.lastName !== '')!;
    const queuedFor = () => count(`SELECT count(*) AS n FROM near_name_queue WHERE source = $1 AND source_id = $2`, [row.source, row.record_id]);
    await dataSource.query(`DELETE FROM near_name_queue`);
    // a newer export of the same customer: another owner and time stamp, the same matching values
    const summary = await ingest.execute([generatedRowMessage({ ...row, owner: 'someone else', updatedAt: '2030-01-01T00:00:00Z' }, 5000)]);
    expect(summary.updated + summary.merged + summary.created).toBe(1);
    expect(await queuedFor()).toBe(0);
    // a new name is searched again
    await ingest.execute([generatedRowMessage({ ...row, lastName: `${row.lastName}-Durand`, updatedAt: '2030-01-02T00:00:00Z' }, 5001)]);
    expect(await queuedFor()).toBe(1);
  });
});
