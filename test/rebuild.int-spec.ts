import { generateRows } from '@mdm/core';
import { EraseUseCase, OverrideValueUseCase, StewardOptions, UnmergeUseCase, identifyingValues } from '@mdm/golden';
import { loadRules } from '@mdm/settings';
import { rebuildGoldenRecords } from '@mdm/engine/rebuild/rebuild';
import { TestEnvironment } from './support/harness';
import { generatedConfigDir, generatedTopic, publishRows, settled } from './support/faults';

/**
 * `mdm rebuild`: every golden record recomputed from the stored source records and the stewards'
 * decisions equals the live one; erased people do not come back; a live value changed behind the
 * engine's back is reported.
 */
describe('rebuild from stored source records and steward decisions', () => {
  const configDir = generatedConfigDir();
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await TestEnvironment.create('rebuild');
    await env.start({ MDM_CONFIG_DIR: configDir });
  });
  afterAll(async () => env.close());

  const rebuild = () => {
    const loaded = loadRules(configDir);
    return rebuildGoldenRecords({
      databaseUrl: env.databaseUrl,
      rules: { ...loaded, mappings: loaded.mappings.map((m) => ({ ...m, topic: env.topic(m.topic) })) },
      topics: env.engine!.runtime.topics,
      maxMessageBytes: 512 * 1024,
    });
  };

  it('finds no difference after ingestion, an override, a split and an erasure', async () => {
    const rows = [...generateRows({ records: 300, seed: 61 })];
    await publishRows(env, rows);
    await settled(env);
    const runtime = env.engine!.runtime;
    const steward: StewardOptions = { topics: runtime.topics, survivorship: runtime.rules.survivorship, erp: runtime.rules.erp };

    // A split or an erasure does not re-cluster the rest of the link component (docs/faults.md): the
    // records acted on are taken from golden records alone in their component, whose removal
    // cannot change how other records cluster. The split one holds two records: in a golden record
    // of three, the record split out may be what linked the other two, which the live state keeps
    // together and a replay would not.
    const alone = `status = 'active' AND NOT EXISTS (SELECT 1 FROM golden_record o WHERE o.component = g.component AND o.id <> g.id AND o.status = 'active')`;
    const [several, other] = await env.db.query(`SELECT id FROM golden_record g WHERE ${alone} AND jsonb_array_length(sources) = 2 ORDER BY id LIMIT 2`);
    // the person erased: one whose email, phone and name no other customer's message carries (a
    // shared phone or a homonym's message would be blanked too, and replayed from mapped values)
    const singles: { id: string; attributes: Record<string, unknown>; records: Record<string, unknown>[] }[] = await env.db.query(
      `SELECT g.id, g.attributes, (SELECT jsonb_agg(s.attributes) || jsonb_agg(s.standardized) FROM xref x JOIN source_record s USING (source, source_id) WHERE x.golden_id = g.id) AS records
         FROM golden_record g WHERE ${alone} AND kind = 'person' AND jsonb_array_length(sources) = 1 AND attributes ? 'email' ORDER BY id`,
    );
    let person: { id: string } | undefined;
    for (const candidate of singles) {
      const values = identifyingValues([candidate.attributes, ...candidate.records]);
      const [{ n }] = await env.db.query(
        `SELECT count(*)::int AS n FROM source_record s JOIN xref x USING (source, source_id)
          WHERE x.golden_id <> $2 AND EXISTS (SELECT 1 FROM unnest($1::text[]) v WHERE position(convert_to(v, 'UTF8') IN s.payload) > 0)`,
        [values, candidate.id],
      );
      if (n === 0) {
        person = candidate;
        break;
      }
    }
    if (!person) throw new Error('no person in the generated data whose values no other message carries');
    // another customer's message that names her (a note with her address): her erasure blanks it,
    // and the rebuild replays that customer from the values mapped from it
    const [email] = (await env.db.query(`SELECT attributes -> 'email' AS email FROM golden_record WHERE id = $1`, [person.id]))[0].email as string[];
    const neighbour = { record_id: 'crm-note-1', kind: 'person', firstName: 'Zoé', lastName: 'Quenneville', email: ['zoe.quenneville@exemple.org'], note: `envoyer aussi à ${email}` };
    await env.produce(generatedTopic('crm'), [{ key: neighbour.record_id, value: JSON.stringify(neighbour) }]);
    await settled(env);
    await new OverrideValueUseCase(env.engine!.runtime.dataSource, steward).set({ goldenId: other.id, attribute: 'city', value: 'Saint-Malo', by: 'steward-a', reason: 'confirmed by phone' });
    const [member] = (await env.db.query(`SELECT sources FROM golden_record WHERE id = $1`, [several.id]))[0].sources;
    await new UnmergeUseCase(runtime.dataSource, steward).execute({ goldenId: several.id, sourceRecords: [member], by: 'steward-a', reason: 'two people at one address' });
    await new EraseUseCase(runtime.dataSource, steward).execute({ goldenId: person.id, by: 'steward-a', reason: 'erasure request' });
    await settled(env);

    const report = await rebuild();
    expect(report.differences).toEqual([]);
    expect(report.replayDeadLetters).toEqual([]);
    expect(report.erasedSkipped).toBeGreaterThan(0);
    expect(report.erasedResurrected).toBe(0);
    expect(report.overrides).toBe(1);
    expect(report.overridesUnplaced).toBe(0);
    expect(report.stewardDecisions).toBeGreaterThan(0);
    expect(report.replayedFromMappedValues).toBe(1);
    expect(report.sourceRecords).toBe(rows.length + 1 - report.erasedSkipped);
    expect(report.rebuiltGoldenRecords).toBe(report.liveGoldenRecords);
  });

  it('reports a live value changed behind the engine', async () => {
    const [{ id }] = await env.db.query(`SELECT id FROM golden_record WHERE status = 'active' AND attributes ? 'lastName' ORDER BY id LIMIT 1`);
    await env.db.query(`UPDATE golden_record SET attributes = jsonb_set(attributes, '{lastName}', '"Altéré"') WHERE id = $1`, [id]);
    const report = await rebuild();
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatch(/has other values in the replay/);
  });
});
