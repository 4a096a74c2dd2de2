import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoldenEvent, GoldenSnapshot, XrefMessage } from '@mdm/core';
import { CONFIG_DIR, TestEnvironment, TopicReader, count, eventually } from './support/harness';
import { contractProblems } from './support/contracts';

const SOURCES = ['erp', 'crm', 'ecommerce', 'forms'] as const;
const example = (source: string) => readFileSync(join(CONFIG_DIR, 'sources', `${source}.example.json`));

describe('ingestion from the source topics to the golden-record topics (real Kafka, real PostgreSQL)', () => {
  let env: TestEnvironment;
  let reader: TopicReader;

  beforeAll(async () => {
    env = await TestEnvironment.create('ingest');
    // queue tables vacuumed after every 3 rows taken, so that this short run shows it
    await env.start({ MDM_QUEUE_VACUUM_ROWS: '3' });
    reader = await TopicReader.start(env.kafka, ['mdm.golden.parties', 'mdm.golden.events', 'mdm.xref', 'mdm.dlq'].map((t) => env.topic(t)));
  });

  afterAll(async () => {
    await reader?.stop();
    await env?.close();
  });

  it('turns the four example messages, unchanged, into golden records with their cross-references', async () => {
    for (const source of SOURCES) {
      await env.produce(`mdm.source.${source}.customers`, [{ key: source, value: example(source) }]);
    }
    // five source records: the ERP account, the CRM account and contact, the online account, the lead
    await eventually(() => reader.on(env.topic('mdm.xref')).length >= 5 && count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'five cross-references');

    const xrefs = reader.json<XrefMessage>(env.topic('mdm.xref'));
    const latest = new Map(xrefs.map((x) => [`${x.source}:${x.sourceId}`, x.goldenId]));
    expect([...latest.keys()].sort()).toEqual(['crm:account:001XY000003DefG', 'crm:contact:003XY0000012AbC', 'ecommerce:58213', 'erp:C100234', 'forms:f-2026-11-21-8841']);
    // the ERP and CRM accounts share a SIRET; the contact, the online account and the lead share an email
    expect(latest.get('erp:C100234')).toBe(latest.get('crm:account:001XY000003DefG'));
    const person = latest.get('crm:contact:003XY0000012AbC');
    expect(latest.get('ecommerce:58213')).toBe(person);
    expect(latest.get('forms:f-2026-11-21-8841')).toBe(person);
    expect(person).not.toBe(latest.get('erp:C100234'));

    const golden = await env.db.query(`SELECT id, kind, attributes FROM golden_record WHERE status = 'active' ORDER BY kind`);
    expect(golden.map((g: { kind: string }) => g.kind)).toEqual(['organization', 'person']);
    const [organization] = golden;
    // the ERP is master of the legal name and the payment terms; the website only the CRM knows
    expect(organization.attributes.paymentTerms).toBe('30J_FDM');
    expect(organization.attributes.website).toBeDefined();
    expect(organization.attributes.siret).toBe('83214567600009');

    const snapshots = reader.json<GoldenSnapshot>(env.topic('mdm.golden.parties'));
    for (const g of golden) {
      const last = snapshots.filter((s) => s.goldenId === g.id).at(-1);
      expect(last?.attributes).toEqual(g.attributes);
    }
    const events = reader.json<GoldenEvent>(env.topic('mdm.golden.events'));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(events.filter((e) => e.type === 'golden.created').map((e) => e.goldenId).sort()).toEqual(golden.map((g: { id: string }) => g.id).sort());
  });

  it('changes nothing when the same message is delivered again', async () => {
    const before = await env.db.query(`SELECT id, version FROM golden_record ORDER BY id`);
    const outboxBefore = await count(env, `SELECT count(*) FROM outbox`);
    await env.produce('mdm.source.erp.customers', [{ key: 'erp', value: example('erp'), partition: 0 }]);
    // a marker on the same partition: once it is stored, the redelivery before it was handled
    const marker = { customerNumber: 'MARKER-1', companyName: 'Marqueur SAS', lastChangeDate: '2026-11-22T00:00:00Z' };
    await env.produce('mdm.source.erp.customers', [{ key: 'erp', value: JSON.stringify(marker), partition: 0 }]);
    await eventually(() => count(env, `SELECT count(*) FROM xref WHERE source = 'erp' AND source_id = 'MARKER-1'`), 'the marker');

    expect(await env.db.query(`SELECT id, version FROM golden_record WHERE id = ANY($1::uuid[]) ORDER BY id`, [before.map((b: { id: string }) => b.id)])).toEqual(before);
    expect(await count(env, `SELECT revision FROM source_record WHERE source = 'erp' AND source_id = 'C100234'`)).toBe(1);
    // the marker alone added its snapshot, event and cross-reference
    expect(await count(env, `SELECT count(*) FROM outbox`)).toBe(outboxBefore + 3);
  });

  it('never lets an older version overwrite a newer one', async () => {
    const newer = { customerNumber: 'V-1', companyName: 'Version Deux SARL', lastChangeDate: '2026-11-10T00:00:00Z' };
    const older = { customerNumber: 'V-1', companyName: 'Version Une SARL', lastChangeDate: '2026-11-01T00:00:00Z' };
    await env.produce('mdm.source.erp.customers', [
      { key: 'V-1', value: JSON.stringify(newer), partition: 1 },
      { key: 'V-1', value: JSON.stringify(older), partition: 1 },
    ]);
    const marker = { customerNumber: 'MARKER-2', companyName: 'Marqueur SAS', lastChangeDate: '2026-11-22T00:00:00Z' };
    await env.produce('mdm.source.erp.customers', [{ key: 'm', value: JSON.stringify(marker), partition: 1 }]);
    await eventually(() => count(env, `SELECT count(*) FROM xref WHERE source_id = 'MARKER-2'`), 'the marker');
    const [row] = await env.db.query(`SELECT attributes->>'legalName' AS name FROM source_record WHERE source = 'erp' AND source_id = 'V-1'`);
    expect(row.name).toBe('Version Deux SARL');
  });

  it('sends a poison message to the dead-letter topic with its reason and keeps the partition going', async () => {
    const poison = [
      { value: Buffer.from('{"customerNumber": "broken'), code: 'NOT_JSON' },
      { value: Buffer.from(JSON.stringify({ companyName: 'Sans Identifiant SA' })), code: 'VALIDATION_FAILED' },
    ];
    await env.produce('mdm.source.erp.customers', poison.map((p) => ({ key: 'poison', value: p.value, partition: 2 })));
    await env.produce('mdm.source.erp.customers', [
      { key: 'x', value: example('erp'), partition: 2, headers: { 'mdm-source': 'sap' } },
      { key: 'after', value: JSON.stringify({ customerNumber: 'AFTER-1', companyName: 'Après SAS' }), partition: 2 },
    ]);
    await eventually(() => count(env, `SELECT count(*) FROM xref WHERE source_id = 'AFTER-1'`), 'the message after the poison');
    const deadLetters = await eventually(() => {
      const list = reader.on(env.topic('mdm.dlq'));
      return list.length >= 3 ? [...list].sort((a, b) => Number(a.headers['mdm-original-offset']) - Number(b.headers['mdm-original-offset'])) : null;
    }, 'three dead letters');
    expect(deadLetters.map((d) => d.headers['mdm-error-code'])).toEqual(['NOT_JSON', 'VALIDATION_FAILED', 'UNKNOWN_SOURCE']);
    for (const letter of deadLetters) {
      expect(letter.headers['mdm-original-topic']).toBe(env.topic('mdm.source.erp.customers'));
      expect(letter.headers['mdm-original-partition']).toBe('2');
      expect(letter.headers['mdm-original-offset']).toMatch(/^\d+$/);
      expect(letter.headers['mdm-error-message'].length).toBeGreaterThan(5);
    }
    // the bytes are kept as they came
    expect(deadLetters[0].value?.toString()).toBe('{"customerNumber": "broken');
    expect(deadLetters[1].headers['mdm-error-message']).toContain('customerNumber');
    expect(await count(env, `SELECT count(*) FROM dead_letter`)).toBe(3);
  });

  it('answers the API with the golden record and its redirect-free id', async () => {
    const [{ id }] = await env.db.query(`SELECT golden_id AS id FROM xref WHERE source = 'erp' AND source_id = 'C100234'`);
    const response = await env.request('GET', `/golden-records/${id}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { goldenId: string; sources: { source: string }[] };
    expect(body.goldenId).toBe(id);
    expect(body.sources.map((s) => s.source).sort()).toEqual(['crm', 'erp']);
    expect((await env.request('GET', `/golden-records/not-a-uuid`)).status).toBe(400);
    const missing = await env.request('GET', `/golden-records/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('GOLDEN_NOT_FOUND');
  });

  it('keeps raw and standardized values side by side, with findings, in the database and the API', async () => {
    const [row] = await env.db.query(`SELECT attributes, standardized, findings FROM source_record WHERE source = 'forms'`);
    // the lead's email came with spaces, its phone in national format
    expect(row.attributes.email).toEqual(['camille.lefevre@dupont-fils.fr']);
    expect(row.standardized.phone).toEqual(['+33612345678']);
    const ecommerce = (await (await env.request('GET', `/source-records/ecommerce/58213`)).json()) as {
      attributes: { email: string[]; birthDate: string };
      standardized: { email: string[]; birthDate: string; civility: string };
      findings: unknown[];
    };
    expect(ecommerce.attributes.email).toEqual(['Camille.Lefevre@dupont-fils.fr']);
    expect(ecommerce.standardized.email).toEqual(['camille.lefevre@dupont-fils.fr']);
    expect(ecommerce.attributes.birthDate).toBe('12/04/1986');
    expect(ecommerce.standardized.birthDate).toBe('1986-04-12');
    expect(ecommerce.standardized.civility).toBe('Mme');
    const [erp] = await env.db.query(`SELECT findings FROM source_record WHERE source = 'erp' AND source_id = 'C100234'`);
    // the ERP account's only email is the accounting role mailbox
    expect(erp.findings.map((f: { code: string }) => f.code)).toContain('EMAIL_GENERIC');

    const quality = (await (await env.request('GET', `/quality?source=erp`)).json()) as {
      sources: { source: string; records: number; attributes: { attribute: string; fillRate: number }[] }[];
    };
    expect(quality.sources.map((s) => s.source)).toEqual(['erp']);
    expect(quality.sources[0].records).toBeGreaterThan(1);
    expect(quality.sources[0].attributes.find((a) => a.attribute === 'legalName')?.fillRate).toBe(1);
    expect((await env.request('GET', `/quality?source=Not%20A%20Source`)).status).toBe(400);
  });
  it('exposes Prometheus metrics: records in by source and outcome, dead letters, golden records, open tasks', async () => {
    const response = await env.request('GET', `/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/mdm_records_ingested_total\{source="erp",outcome="(created|updated|merged)"\} [1-9]/);
    expect(text).toMatch(/mdm_records_ingested_total\{source="forms",outcome="(created|updated|merged)"\} [1-9]/);
    expect(text).toMatch(/mdm_dead_letters_total\{code="NOT_JSON"\} [1-9]/);
    expect(text).toMatch(/mdm_golden_records\{kind="person",status="active"\} 1\n/);
    expect(text).toMatch(/mdm_batch_duration_seconds_count [1-9]/);
    expect(text).toMatch(/mdm_resolution_latency_seconds_count [1-9]/);
    expect(text).toMatch(new RegExp(`mdm_consumer_lag\\{topic="${env.topic('mdm.source.erp.customers').replaceAll('.', '\\.')}",partition="\\d+"\\} 0\\n`));
    expect(text).toContain('mdm_outbox_pending');
    expect(text).toMatch(/mdm_near_names_pending \d+\n/);
    expect(text).toMatch(/mdm_near_names_oldest_wait_seconds [\d.e+-]+\n/);
  });

  it('reads a golden record as it was at a past instant', async () => {
    const [{ golden_id: id }] = await env.db.query(`SELECT golden_id FROM xref WHERE source = 'erp' AND source_id = 'C100234'`);
    const before = (await (await env.request('GET', `/golden-records/${id}`)).json()) as { version: number; attributes: { paymentTerms?: string } };
    const changedAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const erp = JSON.parse(example('erp').toString('utf8'));
    await env.produce('mdm.source.erp.customers', [{ key: 'erp', value: JSON.stringify({ ...erp, paymentTerms: '45J_FDM', lastChangeDate: '2026-11-22T10:00:00Z' }) }]);
    await eventually(async () => (await env.db.query(`SELECT attributes FROM golden_record WHERE id = $1`, [id]))[0].attributes.paymentTerms === '45J_FDM', 'the new terms');

    const past = (await (await env.request('GET', `/golden-records/${id}?asOf=${changedAt.toISOString()}`)).json()) as { version: number; attributes: { paymentTerms?: string } };
    expect(past.version).toBe(before.version);
    expect(past.attributes.paymentTerms).toBe(before.attributes.paymentTerms);
    const now = (await (await env.request('GET', `/golden-records/${id}?asOf=${new Date().toISOString()}`)).json()) as { version: number; attributes: { paymentTerms?: string } };
    expect(now.version).toBe(before.version + 1);
    expect(now.attributes.paymentTerms).toBe('45J_FDM');
    expect((await env.request('GET', `/golden-records/${id}?asOf=2000-01-01T00:00:00Z`)).status).toBe(404);
    const bad = await env.request('GET', `/golden-records/${id}?asOf=yesterday`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('asOf');
  });

  it('records per-field lineage and demotes a phone whose record has a PHONE_INVALID finding', async () => {
    // a second lead of the same person, later, with a mistyped phone
    const lead = { ...JSON.parse(example('forms').toString()), submissionId: 'f-2026-11-22-0001', submittedAt: '2026-11-22T09:00:00Z' };
    lead.fields = { ...lead.fields, phone: '01 23' };
    await env.produce('mdm.source.forms.customers', [{ key: 'lead', value: JSON.stringify(lead) }]);
    await eventually(() => count(env, `SELECT count(*) FROM xref WHERE source = 'forms' AND source_id = 'f-2026-11-22-0001'`), 'the second lead');
    const [{ findings }] = await env.db.query(`SELECT findings FROM source_record WHERE source = 'forms' AND source_id = 'f-2026-11-22-0001'`);
    expect(findings.map((f: { code: string }) => f.code)).toContain('PHONE_INVALID');

    const [person] = await env.db.query(
      `SELECT g.attributes, g.lineage FROM golden_record g JOIN xref x ON x.golden_id = g.id WHERE x.source = 'forms' AND x.source_id = 'f-2026-11-22-0001'`,
    );
    // the newest phone is the invalid one: valid-only ranks it after every valid phone
    const phones: { source: string; findings?: string[] }[] = person.lineage.phone;
    expect(phones.at(-1)).toMatchObject({ source: 'forms', findings: ['PHONE_INVALID'] });
    expect(phones[0].findings).toBeUndefined();
    expect(person.lineage.email[0]).toMatchObject({ source: 'ecommerce', rule: 'aggregate' });

    const [organization] = await env.db.query(`SELECT g.lineage FROM golden_record g JOIN xref x ON x.golden_id = g.id WHERE x.source = 'erp' AND x.source_id = 'C100234'`);
    expect(organization.lineage.legalName[0]).toMatchObject({ source: 'erp', group: 'legalIdentity', reason: 'erp outranks crm for legalIdentity (source priority)' });
  });

  it('vacuums its queue tables as it takes rows from them', async () => {
    await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'everything published');
    await eventually(() => count(env, `SELECT count(*) FROM near_name_queue`).then((n) => n === 0), 'every near name looked at');
    // vacuum_count counts the VACUUM commands run on the table (autovacuum's runs are counted apart)
    const vacuums = (table: string) => count(env, `SELECT coalesce(max(vacuum_count), 0) FROM pg_stat_user_tables WHERE relname = $1`, [table]);
    await eventually(async () => (await vacuums('outbox')) > 0 && (await vacuums('near_name_queue')) > 0, 'both queues vacuumed');
    // and no other table: the engine vacuums only what it reads as a queue
    expect(await vacuums('golden_record')).toBe(0);
  });

  it('publishes only messages that follow their documented contract (docs/contracts)', async () => {
    await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'everything published');
    const topics = ['mdm.golden.parties', 'mdm.golden.events', 'mdm.xref'].map((t) => env.topic(t));
    const messages = topics.flatMap((t) => reader.json<unknown>(t).filter((m) => m !== null));
    expect(messages.length).toBeGreaterThan(10);
    const problems = messages.map((m) => contractProblems(m)).filter((p) => p.length > 0);
    expect(problems).toEqual([]);
  });

  it('deletes the published outbox rows past their retention, and keeps the others', async () => {
    await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'everything published');
    const ids: string[] = (await env.db.query(`SELECT id::text FROM outbox ORDER BY id`)).map((r: { id: string }) => r.id);
    expect(ids.length).toBeGreaterThan(10);
    // the older half published eight days ago, past the default retention (seven days)
    const old = ids.slice(0, Math.floor(ids.length / 2));
    await env.db.query(`UPDATE outbox SET published_at = now() - interval '8 days' WHERE id = ANY($1::bigint[])`, [old]);

    // an engine that starts (a relay that becomes the relay) purges first
    await env.stopEngine();
    await env.start({ MDM_QUEUE_VACUUM_ROWS: '3' });
    await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE id = ANY($1::bigint[])`, [old]).then((n) => n === 0), 'the old rows deleted');
    const left: string[] = (await env.db.query(`SELECT id::text FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids])).map((r: { id: string }) => r.id);
    expect(left).toEqual(ids.slice(old.length));
  });
});
