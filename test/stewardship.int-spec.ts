import { GoldenEvent } from '@mdm/core';
import { contractProblems } from './support/contracts';
import { TestEnvironment, TopicReader, count, eventually, exampleJson } from './support/harness';

const example = exampleJson;

/** A steward's actions on golden records through the API, with the engine running (real Kafka, real PostgreSQL). */
describe('steward actions on golden records: explain, override, unmerge', () => {
  let env: TestEnvironment;
  let reader: TopicReader;
  let person: string;

  const send = (method: string, path: string, body: unknown) => env.request(method, path, body);
  const goldenOf = (source: string, sourceId: string) => env.goldenOf(source, sourceId);
  const golden = async (id: string) => (await env.db.query(`SELECT * FROM golden_record WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    env = await TestEnvironment.create('stewardship');
    await env.start();
    reader = await TopicReader.start(env.kafka, [env.topic('mdm.golden.events'), env.topic('mdm.golden.parties'), env.topic('mdm.xref')]);
    for (const source of ['crm', 'ecommerce', 'forms']) await env.produce(`mdm.source.${source}.customers`, [{ key: source, value: JSON.stringify(example(source)) }]);
    // the CRM account and contact, the online account and the lead
    await eventually(() => count(env, `SELECT count(*) FROM xref`).then((n) => n === 4), 'the four records resolved');
    person = (await goldenOf('crm', 'contact:003XY0000012AbC'))!;
    expect(await goldenOf('forms', 'f-2026-11-21-8841')).toBe(person);
  });

  afterAll(async () => {
    await reader?.stop();
    await env?.close();
  });

  it('explains every value: its source record, the rule that chose it and why', async () => {
    const response = await env.request('GET', `/golden-records/${person}/explain`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { attribute: string; values: { source: string; rule: string }[]; text: string }[] };
    const email = body.items.find((i) => i.attribute === 'email')!;
    expect(email.values.map((v) => v.source)).toContain('ecommerce');
    expect(email.text.length).toBeGreaterThan(10);
    expect((await env.request('GET', `/golden-records/${person}/explain?attribute=shoeSize`)).status).toBe(400);
  });

  it('lets a steward override a value, which survives a new version of the source record, until removed', async () => {
    const set = await send('PUT', `/golden-records/${person}/overrides/firstName`, { value: 'Camille-Marie', by: 'alice', reason: 'confirmed by phone with the customer' });
    expect(set.status).toBe(200);
    expect((await golden(person)).attributes.firstName).toBe('Camille-Marie');
    // the value is signed by the signed-in caller (the harness signs in as admin), not by the `by` of the body
    expect((await golden(person)).lineage.firstName[0]).toMatchObject({ rule: 'steward-override', override: { by: 'admin', reason: 'confirmed by phone with the customer' } });

    // the CRM sends its contact again, with its own first name: the steward's value stays
    await env.produce('mdm.source.crm.customers', [{ key: 'crm', value: JSON.stringify({ ...example('crm'), firstName: 'Camilla', lastModifiedDate: '2026-11-22T08:00:00Z' }) }]);
    await eventually(async () => (await env.db.query(`SELECT attributes FROM source_record WHERE source = 'crm' AND source_id = 'contact:003XY0000012AbC'`))[0].attributes.firstName === 'Camilla', 'the new CRM version');
    await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'published');
    expect((await golden(person)).attributes.firstName).toBe('Camille-Marie');

    // refusals name the field
    const badValue = await send('PUT', `/golden-records/${person}/overrides/email`, { value: 'not-a-list@x.fr', by: 'alice', reason: 'typo' });
    expect(badValue.status).toBe(400);
    expect(JSON.stringify(await badValue.json())).toContain('"field":"value"');
    const noReason = await send('PUT', `/golden-records/${person}/overrides/firstName`, { value: 'X', by: 'alice' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(await noReason.json())).toContain('reason');
    expect((await send('PUT', `/golden-records/${person}/overrides/shoeSize`, { value: '42', by: 'alice', reason: 'why not' })).status).toBe(400);

    const removed = await send('DELETE', `/golden-records/${person}/overrides/firstName`, { by: 'alice', reason: 'the CRM is right after all' });
    expect(removed.status).toBe(200);
    // back to the rules: the name block comes from the online account, which she filled in herself
    expect((await golden(person)).attributes.firstName).toBe('Camille');
    expect((await golden(person)).lineage.firstName[0]).toMatchObject({ source: 'ecommerce', group: 'personName' });
    expect((await send('DELETE', `/golden-records/${person}/overrides/firstName`, { by: 'alice', reason: 'again' })).status).toBe(404);

    await eventually(() => reader.json<GoldenEvent>(env.topic('mdm.golden.events')).some((e) => 'steward' in e.cause && e.cause.action === 'remove-override'), 'the events');
    const stewardEvents = reader.json<GoldenEvent>(env.topic('mdm.golden.events')).filter((e) => 'steward' in e.cause);
    expect(stewardEvents.map((e) => [e.type, e.changedFields])).toEqual([
      ['golden.updated', ['firstName']],
      ['golden.updated', ['firstName']],
    ]);
  });

  it('previews then applies an unmerge, and automatic matching never glues the records back', async () => {
    const before = await golden(person);
    const preview = await send('POST', `/golden-records/${person}/unmerge`, { sourceRecords: ['forms:f-2026-11-21-8841'], by: 'bob', reason: 'this lead is her colleague', preview: true });
    expect(preview.status).toBe(200);
    const previewed = (await preview.json()) as { applied: boolean; split: { goldenId: string | null; values: { sources: unknown[] } } };
    expect(previewed).toMatchObject({ applied: false, split: { goldenId: null } });
    expect(previewed.split.values.sources).toEqual([{ source: 'forms', sourceId: 'f-2026-11-21-8841' }]);
    expect((await golden(person)).version).toBe(before.version);

    const applied = await send('POST', `/golden-records/${person}/unmerge`, { sourceRecords: ['forms:f-2026-11-21-8841'], by: 'bob', reason: 'this lead is her colleague' });
    expect(applied.status).toBe(200);
    const result = (await applied.json()) as { applied: boolean; remaining: { goldenId: string }; split: { goldenId: string } };
    expect(result.remaining.goldenId).toBe(person);
    const split = result.split.goldenId;
    expect(await goldenOf('forms', 'f-2026-11-21-8841')).toBe(split);
    expect(await goldenOf('ecommerce', '58213')).toBe(person);
    // the split is signed by the signed-in caller (the harness signs in as admin), not by the `by` of the body
    expect(await count(env, `SELECT count(*) FROM match_decision WHERE decision = 'not-a-match' AND decided_by = 'admin'`)).toBe(2);

    // the lead comes again, in a new version: it stays apart
    await env.produce('mdm.source.forms.customers', [{ key: 'forms', value: JSON.stringify({ ...example('forms'), submittedAt: '2026-11-23T08:00:00Z' }) }]);
    await eventually(async () => (await env.db.query(`SELECT source_updated_at FROM source_record WHERE source = 'forms'`))[0].source_updated_at.toISOString() === '2026-11-23T08:00:00.000Z', 'the new lead version');
    expect(await goldenOf('forms', 'f-2026-11-21-8841')).toBe(split);
    expect((await golden(person)).status).toBe('active');

    await eventually(() => reader.json<GoldenEvent>(env.topic('mdm.golden.events')).some((e) => e.type === 'golden.unmerged'), 'the unmerge event');
    expect(reader.json<GoldenEvent>(env.topic('mdm.golden.events')).find((e) => e.type === 'golden.unmerged')).toMatchObject({ goldenId: person, splitInto: [split], cause: { steward: 'admin', action: 'unmerge' } });

    // refusals: a record that is not a member, and every member at once
    const notMember = await send('POST', `/golden-records/${person}/unmerge`, { sourceRecords: ['erp:C100234'], by: 'bob', reason: 'wrong record' });
    expect(notMember.status).toBe(400);
    expect(JSON.stringify(await notMember.json())).toContain('sourceRecords[0]');
    const all = await send('POST', `/golden-records/${person}/unmerge`, { sourceRecords: ['crm:contact:003XY0000012AbC', 'ecommerce:58213'], by: 'bob', reason: 'everything' });
    expect(all.status).toBe(400);
  });

  it('publishes steward changes that follow the documented contracts', async () => {
    await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'everything published');
    const messages = ['mdm.golden.parties', 'mdm.golden.events', 'mdm.xref'].flatMap((t) => reader.json<unknown>(env.topic(t)));
    expect(messages.map((m) => contractProblems(m)).filter((p) => p.length > 0)).toEqual([]);
  });
});
