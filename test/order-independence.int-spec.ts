import { DataSource } from 'typeorm';
import { GeneratedRow, generateRows } from '@mdm/core';
import { loadRules } from '@mdm/settings';
import { generatedRowMessage, generatedRowsIngest } from '@mdm/engine/ingest/generated-rows';
import { CONFIG_DIR, TestEnvironment } from './support/harness';

/**
 * The same source records, in any arrival order and cut into any batches, give the same golden
 * records: same clusters, same values (ids aside). Through the engine's ingest use case on a real
 * PostgreSQL (the broker only delivers the batches).
 */
describe('order independence of the golden records', () => {
  const rules = loadRules(CONFIG_DIR);
  const rows = [...generateRows({ records: 150, seed: 11 })];
  const environments: TestEnvironment[] = [];

  afterAll(async () => {
    for (const e of environments) await e.close();
  });

  /** A database of its own, migrated, closed after the tests. */
  async function freshDatabase(): Promise<DataSource> {
    const env = await TestEnvironment.create('order');
    environments.push(env);
    return env.migratedDataSource();
  }

  /** Ingests the rows in this order and batch size into a fresh database; returns each golden record as its members and values. */
  async function ingest(order: GeneratedRow[], batchSize: number): Promise<string[]> {
    const dataSource = await freshDatabase();
    const useCase = generatedRowsIngest(dataSource, rules, 'order.');
    for (let i = 0; i < order.length; i += batchSize) {
      await useCase.execute(order.slice(i, i + batchSize).map((row, k) => generatedRowMessage(row, i + k)));
    }
    const golden: { members: string[]; attributes: unknown }[] = await dataSource.query(
      `SELECT array_agg(x.source_id ORDER BY x.source_id) AS members, g.attributes
         FROM golden_record g JOIN xref x ON x.golden_id = g.id WHERE g.status = 'active' GROUP BY g.id, g.attributes`,
    );
    return golden.map((g) => JSON.stringify(g)).sort();
  }

  function shuffled<T>(items: T[], seed: number): T[] {
    const out = [...items];
    let state = seed;
    for (let i = out.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  it('gives the same clusters and values for four orders and batch sizes, the whole set in one batch among them', async () => {
    const forward = await ingest(rows, 1);
    // the records of one party are spread over the stream: the generator makes duplicates
    expect(forward.length).toBeLessThan(rows.length);
    expect(await ingest([...rows].reverse(), 7)).toEqual(forward);
    expect(await ingest(shuffled(rows, 42), 25)).toEqual(forward);
    // one batch: every record resolved together as one set
    expect(await ingest(shuffled(rows, 7), rows.length)).toEqual(forward);
  });

  it('keeps two records a steward merged together when both arrive in one batch, though they share no key (a rebuild replays so)', async () => {
    // two people with nothing in common: only the steward's decision brings them together
    const people = rows.filter((r) => r.kind === 'person');
    const [a, b] = [people[0], people.find((r) => r.entity_id !== people[0].entity_id && r.lastName !== people[0].lastName && r.postalCode !== people[0].postalCode)!];
    const [left, right] = [a, b].sort((x, y) => (`${x.source}:${x.record_id}` < `${y.source}:${y.record_id}` ? -1 : 1));
    const dataSource = await freshDatabase();
    await dataSource.query(
      `INSERT INTO match_decision (left_source, left_source_id, right_source, right_source_id, decision, decided_by, reason, decided_at)
       VALUES ($1, $2, $3, $4, 'match', 'steward', 'same person', now())`,
      [left.source, left.record_id, right.source, right.record_id],
    );
    await generatedRowsIngest(dataSource, rules, 'order.').execute([generatedRowMessage(a, 0), generatedRowMessage(b, 1)]);
    const golden: { golden_id: string }[] = await dataSource.query(`SELECT DISTINCT golden_id FROM xref WHERE source_id = ANY($1::text[])`, [[a.record_id, b.record_id]]);
    expect(golden).toHaveLength(1);
  });
});
