import { DataSource } from 'typeorm';
import { generateRows } from '@mdm/core';
import { loadRules } from '@mdm/settings';
import { generatedRowMessage, generatedRowsIngest } from '@mdm/engine/ingest/generated-rows';
import { CONFIG_DIR, TestEnvironment } from './support/harness';

/** The tables a batch writes to. */
const TABLES = ['source_record', 'match_key', 'xref', 'golden_record', 'golden_history', 'outbox', 'steward_task', 'erp_sync', 'near_name_queue', 'dead_letter'];

/**
 * Before its first batch the engine stores made-up records the way a batch is stored, and rolls
 * the transactions back: nothing of them may remain, whatever the store holds.
 */
describe('the engine warm-up (real PostgreSQL)', () => {
  let env: TestEnvironment;
  let dataSource: DataSource;

  beforeAll(async () => {
    env = await TestEnvironment.create('warmup');
    dataSource = await env.migratedDataSource(2);
  });

  afterAll(async () => {
    await env?.close();
  });

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    return result;
  };

  it('runs the ingest on made-up records and leaves nothing behind', async () => {
    const ingest = generatedRowsIngest(dataSource, loadRules(CONFIG_DIR), 'warmup.');
    const rows = [...generateRows({ records: 200, seed: 3 })];
    await ingest.execute(rows.map((row, i) => generatedRowMessage(row, i)));
    const before = await counts();
    expect(before.source_record).toBe(200);

    const summary = await ingest.warmUp(2, 20);

    // the whole path ran: 40 made-up records a round, resolved into golden records…
    expect(summary.messages).toBe(2);
    expect(summary.records).toBe(80);
    expect(summary.created).toBeGreaterThan(0);
    // …and was rolled back
    expect(await counts()).toEqual(before);
  });
});
