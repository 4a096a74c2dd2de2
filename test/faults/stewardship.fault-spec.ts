import { DomainError, generateRows } from '@mdm/core';
import { DecideMatchUseCase, OverrideValueUseCase, StewardOptions, UnmergeUseCase } from '@mdm/golden';
import { loadRules } from '@mdm/settings';
import { rebuildGoldenRecords } from '@mdm/engine/rebuild/rebuild';
import { TestEnvironment } from '../support/harness';
import { checkEngine, generatedConfigDir, publishRows, settled } from '../support/faults';

/**
 * Stewards merge and reject possible matches, split golden records and override values while the
 * engine ingests new records and new versions of the same customers, which re-cluster the very
 * golden records the stewards act on. Afterwards: every invariant holds, a merge or a split is
 * never undone by the engine, an override stays in force, and a rebuild from the stored records
 * and decisions gives the live state.
 */
describe('steward actions racing ingestion', () => {
  const configDir = generatedConfigDir();
  const rows = [...generateRows({ records: 400, seed: 43 })];
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await TestEnvironment.create('fault-stewardship');
    await env.start({ MDM_CONFIG_DIR: configDir });
  });
  afterAll(async () => env.close());

  it('keeps splits apart, overrides in force and every invariant, whatever the interleaving', async () => {
    // half of the records first, so stewards have golden records to work on
    const first = rows.filter((_, i) => i % 2 === 0);
    const second = rows.filter((_, i) => i % 2 === 1);
    await publishRows(env, first);
    await settled(env);

    const runtime = env.engine!.runtime;
    const steward: StewardOptions = { topics: runtime.topics, survivorship: runtime.rules.survivorship, erp: runtime.rules.erp };
    const several: { id: string; sources: { source: string; sourceId: string }[] }[] = await env.db.query(
      `SELECT id, sources FROM golden_record WHERE status = 'active' AND jsonb_array_length(sources) >= 2 ORDER BY id LIMIT 12`,
    );
    const single: { id: string }[] = await env.db.query(
      `SELECT id FROM golden_record WHERE status = 'active' AND kind = 'person' AND jsonb_array_length(sources) = 1 ORDER BY id LIMIT 12`,
    );
    expect(several.length).toBeGreaterThanOrEqual(6);
    expect(single.length).toBeGreaterThanOrEqual(6);

    // the rest of the records, and a newer version of the first half, arrive while stewards act
    const newer = first.map((r) => ({ ...r, updatedAt: '2027-01-01T00:00:00Z' }));
    const ingesting = (async () => {
      await publishRows(env, second);
      await publishRows(env, newer);
    })();
    const outcomes: string[] = [];
    const act = async (work: () => Promise<unknown>) => {
      try {
        await work();
        outcomes.push('done');
      } catch (error) {
        // the golden record changed under the steward's feet (re-clustered, merged): a clear refusal
        if (!(error instanceof DomainError)) throw error;
        outcomes.push(error.code);
      }
    };
    const unmerge = new UnmergeUseCase(runtime.dataSource, steward);
    const override = new OverrideValueUseCase(runtime.dataSource, steward);
    const decide = new DecideMatchUseCase(runtime.dataSource, steward, runtime.rules.matching);
    await Promise.all([
      ingesting,
      (async () => {
        for (const golden of several) {
          await act(() => unmerge.execute({ goldenId: golden.id, sourceRecords: [golden.sources[0]], by: 'steward-a', reason: 'two people' }));
        }
      })(),
      (async () => {
        // the possible matches of the moment, as new ones open while records arrive
        const decided: string[] = [];
        const done = { merge: 0, 'not-a-match': 0 };
        for (let i = 0; i < 16; i++) {
          const [task]: { id: string }[] = await env.db.query(
            `SELECT id FROM steward_task WHERE status = 'open' AND type IN ('possible-match', 'source-duplicate') AND NOT (id = ANY($1::uuid[])) ORDER BY created_at DESC LIMIT 1`,
            [decided],
          );
          if (!task) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            continue;
          }
          decided.push(task.id);
          // as many merges as "not a match"; a merge a rule forbids (two names that differ…) is refused, and the next task is tried
          const decision = done.merge <= done['not-a-match'] ? 'merge' : 'not-a-match';
          await act(async () => {
            await decide.execute({ taskId: task.id, decision, by: 'steward-c', reason: 'checked' });
            done[decision]++;
          });
        }
      })(),
      (async () => {
        for (const [i, golden] of single.entries()) {
          await act(() => override.set({ goldenId: golden.id, attribute: 'city', value: `Saint-Malo ${i}`, by: 'steward-b', reason: 'confirmed by phone' }));
        }
      })(),
    ]);
    await settled(env);
    // most actions land; the refused ones were refused with a code, never half-applied
    expect(outcomes.filter((o) => o === 'done').length).toBeGreaterThanOrEqual((several.length + single.length) / 2);
    // a task the engine closed meanwhile (the pair merged or parted by new evidence), or a merge a
    // rule now forbids, is refused with its code
    expect(outcomes.filter((o) => o !== 'done' && !['VALIDATION_FAILED', 'GOLDEN_NOT_FOUND', 'TASK_CLOSED', 'MERGE_FORBIDDEN'].includes(o))).toEqual([]);

    const { report } = await checkEngine(env, configDir);
    expect(report.violations).toEqual([]);
    expect(report.counts.records).toBe(rows.length);

    // a split is a "not a match" decision: the engine never puts those records together again
    const rejoined = await env.db.query(
      `SELECT d.left_source, d.left_source_id, d.right_source, d.right_source_id
         FROM match_decision d
         JOIN xref l ON l.source = d.left_source AND l.source_id = d.left_source_id
         JOIN xref r ON r.source = d.right_source AND r.source_id = d.right_source_id
        WHERE d.decision = 'not-a-match' AND l.golden_id = r.golden_id`,
    );
    expect(rejoined).toEqual([]);
    const [{ n: decisions }] = await env.db.query(`SELECT count(*)::int AS n FROM match_decision WHERE decision = 'not-a-match'`);
    expect(decisions).toBeGreaterThan(0);
    // a merge is a "match" decision: the engine never parts those records again
    const parted = await env.db.query(
      `SELECT d.left_source_id, d.right_source_id
         FROM match_decision d
         JOIN xref l ON l.source = d.left_source AND l.source_id = d.left_source_id
         JOIN xref r ON r.source = d.right_source AND r.source_id = d.right_source_id
        WHERE d.decision = 'match' AND l.golden_id <> r.golden_id`,
    );
    expect(parted).toEqual([]);
    const [{ n: merges }] = await env.db.query(`SELECT count(*)::int AS n FROM match_decision WHERE decision = 'match'`);
    expect(merges).toBeGreaterThan(0);

    // an override holds on its golden record, whatever arrived after it
    const overridden: { attribute: string; value: unknown; current: unknown }[] = await env.db.query(
      `SELECT o.attribute, o.value, g.attributes -> o.attribute AS current
         FROM golden_override o JOIN golden_record g ON g.id = o.golden_id WHERE g.status = 'active'`,
    );
    expect(overridden.length).toBeGreaterThan(0);
    for (const o of overridden) expect(o.current).toEqual(o.value);

    // the same state again, from the stored records and the stewards' decisions alone
    const loaded = loadRules(configDir);
    const rebuilt = await rebuildGoldenRecords({
      databaseUrl: env.databaseUrl,
      rules: { ...loaded, mappings: loaded.mappings.map((m) => ({ ...m, topic: env.topic(m.topic) })) },
      topics: runtime.topics,
      maxMessageBytes: 512 * 1024,
    });
    expect(rebuilt.differences).toEqual([]);
    expect(rebuilt.overridesUnplaced).toBe(0);
  });
});
