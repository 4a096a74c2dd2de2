import { ConfigResourceTypes } from 'kafkajs';
import { GoldenEvent } from '@mdm/core';
import { contractProblems } from './support/contracts';
import { TestEnvironment, TopicReader, count, eventually, exampleText } from './support/harness';

const example = exampleText;

/** What identifies Camille Lefèvre in the example messages, in the forms they take there. */
const ERASED = ['camille.lefevre@dupont-fils.fr', '+33612345678', '06 12 34 56 78', '0612345678', 'Lefèvre', 'LEFEVRE', '1986-04-12', '12/04/1986'];

/** Right to erasure: a person's data leaves every table, downstream systems are told, nothing comes back (real Kafka, real PostgreSQL). */
describe('erasure of a person', () => {
  let env: TestEnvironment;
  let reader: TopicReader;
  let person: string;
  let company: string;

  const post = (path: string, body: unknown) => env.request('POST', path, body);
  const goldenOf = (source: string, sourceId: string) => env.goldenOf(source, sourceId);

  /** Rows of every table of the engine that mention the value, as text or inside bytes. */
  async function tablesMentioning(value: string): Promise<string[]> {
    const tables: { table_name: string }[] = await env.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`,
    );
    const found: string[] = [];
    for (const { table_name: table } of tables) {
      const [{ n }] = await env.db.query(
        `SELECT count(*)::int AS n FROM "${table}" t WHERE position(lower($1) IN lower(t::text)) > 0 OR position(encode(convert_to($1, 'UTF8'), 'hex') IN t::text) > 0`,
        [value],
      );
      if (n > 0) found.push(`${table} (${n})`);
    }
    return found;
  }

  beforeAll(async () => {
    env = await TestEnvironment.create('erasure');
    await env.start();
    reader = await TopicReader.start(env.kafka, ['mdm.golden.parties', 'mdm.golden.events', 'mdm.xref'].map((t) => env.topic(t)));
    for (const source of ['erp', 'crm', 'ecommerce', 'forms']) await env.produce(`mdm.source.${source}.customers`, [{ key: source, value: example(source) }]);
    // two broken messages: one of hers, one of somebody else's
    await env.produce('mdm.source.forms.customers', [
      { key: 'broken-1', value: '{"submissionId": "f-x", "fields": {"email": "camille.lefevre@dupont-fils.fr", ' },
      { key: 'broken-2', value: '{"submissionId": "f-y", "fields": {"email": "paul.girard@exemple-bio.fr", ' },
    ]);
    // another customer, whose account id contains hers
    const other = {
      accountId: 582130,
      accountType: 'B2C',
      login: 'ines.garnier@exemple.org',
      customer: { firstName: 'Inès', lastName: 'Garnier' },
      phones: [{ type: 'mobile', number: '06 98 76 54 32' }],
      addresses: [{ type: 'shipping', street: '3 rue Victor Hugo', zipCode: '33000', city: 'Bordeaux', country: 'France' }],
      updatedAt: '2026-11-20T08:00:00Z',
    };
    await env.produce('mdm.source.ecommerce.customers', [{ key: 'other', value: JSON.stringify(other) }]);
    await eventually(() => count(env, `SELECT count(*) FROM xref`).then((n) => n === 6), 'the six records');
    await eventually(() => count(env, `SELECT count(*) FROM dead_letter`).then((n) => n === 2), 'the two dead letters');
    person = (await goldenOf('ecommerce', '58213'))!;
    company = (await goldenOf('erp', 'C100234'))!;
    // a steward override carries her data too
    await env.request('PUT', `/golden-records/${person}/overrides/firstName`, { value: 'Camille', by: 'alice', reason: 'as she signs' });
  });

  afterAll(async () => {
    await reader?.stop();
    await env?.close();
  });

  it('refuses to erase an organization', async () => {
    const response = await post(`/golden-records/${company}/erase`, { by: 'dpo', reason: 'request' });
    expect(response.status).toBe(400);
  });

  it('removes her data from every table, keeps the others, and leaves an audit entry without the data', async () => {
    // before: her email is in her three source records and in the CRM message that also holds her company's
    // account, in the golden record, its history, the outbox and a dead letter
    expect(await tablesMentioning('camille.lefevre@dupont-fils.fr')).toEqual(expect.arrayContaining(['source_record (4)', 'golden_record (1)', 'dead_letter (1)']));

    const response = await post('/source-records/ecommerce/58213/erase', { by: 'dpo', reason: 'erasure request of 2026-11-23 (ticket 4411)' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { goldenId: string; sourceRecords: number; deadLetters: number };
    // the CRM contact, the online account and the lead; her broken message
    expect(result).toMatchObject({ goldenId: person, sourceRecords: 3, deadLetters: 1 });

    for (const value of ERASED) expect({ value, tables: await tablesMentioning(value) }).toEqual({ value, tables: [] });
    // somebody else's dead letter, the company and the customer whose id contains hers are untouched
    expect(await env.db.query(`SELECT octet_length(payload) > 0 AS kept, attributes ->> 'lastName' AS name FROM source_record WHERE source = 'ecommerce' AND source_id = '582130'`)).toEqual([
      { kept: true, name: 'Garnier' },
    ]);
    expect((await tablesMentioning('paul.girard@exemple-bio.fr')).sort()).toEqual(['dead_letter (1)', 'outbox (1)']);
    expect((await env.db.query(`SELECT attributes FROM golden_record WHERE id = $1`, [company]))[0].attributes.siret).toBe('83214567600009');
    expect((await env.db.query(`SELECT status FROM golden_record WHERE id = $1`, [person]))[0].status).toBe('erased');

    const audit = (await (await env.request('GET', '/erasures')).json()) as { items: { goldenId: string; erasedBy: string; reason: string }[] };
    // erased by the signed-in caller (the harness signs in as admin), whatever the body's `by` says
    expect(audit.items).toEqual([expect.objectContaining({ goldenId: person, erasedBy: 'admin', reason: 'erasure request of 2026-11-23 (ticket 4411)' })]);
  });

  it('tells downstream systems: tombstones for her golden record and cross-references, one erasure event without data', async () => {
    await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'published');
    await eventually(() => reader.json<GoldenEvent>(env.topic('mdm.golden.events')).some((e) => e.type === 'golden.erased'), 'the erasure event');
    const erased = reader.json<GoldenEvent>(env.topic('mdm.golden.events')).find((e) => e.type === 'golden.erased')!;
    expect(erased).toMatchObject({ goldenId: person, cause: { steward: 'admin', action: 'erase' }, changedFields: [] });
    expect(contractProblems(erased)).toEqual([]);
    const last = (topic: string, key: string) => reader.on(env.topic(topic)).filter((m) => m.key === key).at(-1);
    // the reader takes each topic at its own pace: the tombstones, published with the event or before it, may come a moment later
    const keys = ['crm:contact:003XY0000012AbC', 'ecommerce:58213', 'forms:f-2026-11-21-8841'];
    await eventually(() => last('mdm.golden.parties', person)?.value === null && keys.every((key) => last('mdm.xref', key)?.value === null), 'the tombstones', 10_000).catch(() => undefined);
    expect(last('mdm.golden.parties', person)?.value).toBeNull();
    for (const key of keys) expect(last('mdm.xref', key)?.value).toBeNull();
    // no event carries her values
    const events = JSON.stringify(reader.json<unknown>(env.topic('mdm.golden.events')));
    for (const value of ERASED) expect(events.includes(value)).toBe(false);
  });

  it('leaves no trace of her on the engine topics once they are compacted, but tombstones', async () => {
    const parties = env.topic('mdm.golden.parties');
    const deadLetters = env.topic('mdm.dlq');
    const admin = env.kafka.admin();
    await admin.connect();
    try {
      // what a day does in production (segment.ms one hour, max.compaction.lag.ms one day), in
      // seconds; this call replaces a topic's whole configuration, so the policies are restated
      const fast = [
        { name: 'segment.ms', value: '200' },
        { name: 'min.compaction.lag.ms', value: '0' },
        { name: 'max.compaction.lag.ms', value: '1000' },
        { name: 'min.cleanable.dirty.ratio', value: '0.01' },
        { name: 'delete.retention.ms', value: '86400000' },
      ];
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          { type: ConfigResourceTypes.TOPIC, name: parties, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, ...fast] },
          { type: ConfigResourceTypes.TOPIC, name: deadLetters, configEntries: [{ name: 'cleanup.policy', value: 'compact,delete' }, { name: 'retention.ms', value: '604800000' }, ...fast] },
        ],
      });
      await eventually(
        async () => {
          // a later message on every partition closes the segments that hold her data
          for (const topic of ['mdm.golden.parties', 'mdm.dlq']) {
            await env.produce(topic, [0, 1, 2].map((partition) => ({ key: 'segment-roll', value: null, partition })));
          }
          const fresh = await TopicReader.start(env.kafka, [parties, deadLetters]);
          try {
            await new Promise((resolve) => setTimeout(resolve, 1500));
            const hers = fresh.on(parties).filter((m) => m.key === person);
            const text = [...fresh.on(parties), ...fresh.on(deadLetters)].map((m) => m.value?.toString('utf8') ?? '').join('\n');
            return hers.length === 1 && hers[0].value === null && ERASED.every((v) => !text.includes(v)) && text.includes('paul.girard@exemple-bio.fr');
          } finally {
            await fresh.stop();
          }
        },
        'the topics compacted without her data',
        90000,
      );
    } finally {
      await admin.disconnect();
    }
  });

  it('does not let her come back through a redelivery of a source message', async () => {
    // her online account again, then another customer's on the same partition: once that one is in, hers was handled
    const marker = { ...JSON.parse(example('ecommerce')), accountId: 99001, login: 'marc.henry@exemple.org', customer: { firstName: 'Marc', lastName: 'Henry' } };
    await env.produce('mdm.source.ecommerce.customers', [
      { key: 'again', value: example('ecommerce'), partition: 0 },
      { key: 'marker', value: JSON.stringify(marker), partition: 0 },
    ]);
    await eventually(() => count(env, `SELECT count(*) FROM xref WHERE source = 'ecommerce' AND source_id = '99001'`), 'the later message');
    for (const value of ['camille.lefevre@dupont-fils.fr', 'Lefèvre']) expect(await tablesMentioning(value)).toEqual([]);
    expect(await env.db.query(`SELECT attributes FROM source_record WHERE source = 'ecommerce' AND source_id = '58213'`)).toEqual([{ attributes: {} }]);
  });
});
