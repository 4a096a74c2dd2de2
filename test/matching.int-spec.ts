import { GoldenEvent } from '@mdm/core';
import { TestEnvironment, TopicReader, count, eventually } from './support/harness';

/**
 * The engine's incremental matching, record by record through Kafka, with candidates read from
 * PostgreSQL and the shipped model (config/matching/model.json).
 */
describe('incremental matching on the Kafka path (real Kafka, real PostgreSQL)', () => {
  let env: TestEnvironment;

  const goldenOf = (source: string, sourceId: string) => env.goldenOf(source, sourceId);

  beforeAll(async () => {
    env = await TestEnvironment.create('matching');
    await env.start();
    // an online account: Camille Lefèvre, her mobile, her address in Lyon 1er
    await env.produce('mdm.source.ecommerce.customers', [
      {
        key: '9001',
        value: JSON.stringify({
          accountId: 9001,
          login: 'camille.lefevre@gmail.com',
          customer: { title: 'Madame', firstName: 'Camille', lastName: 'Lefèvre', birthDate: '12/04/1986' },
          phones: [{ type: 'mobile', number: '06 11 22 33 44' }],
          addresses: [{ type: 'shipping', street: '8 rue des Capucins', zipCode: '69001', city: 'Lyon', country: 'France' }],
          updatedAt: '2026-11-20T08:00:00Z',
        }),
      },
    ]);
    await eventually(() => goldenOf('ecommerce', '9001'), 'the online account resolved');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('joins a misspelled duplicate from another source to the existing golden record', async () => {
    // the CRM typed her names differently and knows another email: only the mobile number and
    // sound-alike names say it is her (no shared exact key but the phone)
    await env.produce('mdm.source.crm.customers', [
      {
        key: 'C-77',
        value: JSON.stringify({
          contactId: 'C-77',
          salutation: 'Mme',
          firstName: 'Camile',
          lastName: 'Lefebvre',
          email: 'c.lefebvre@orange.fr',
          mobilePhone: '+33 6 11 22 33 44',
          lastModifiedDate: '2026-11-21T00:00:00Z',
        }),
      },
    ]);
    const golden = await eventually(() => goldenOf('crm', 'contact:C-77'), 'the CRM contact resolved');
    expect(golden).toBe(await goldenOf('ecommerce', '9001'));
    expect(await count(env, `SELECT count(*) FROM golden_record WHERE kind = 'person' AND status = 'active'`)).toBe(1);
    // the golden record now aggregates both emails, each with the source it came from
    const [row] = await env.db.query(`SELECT attributes FROM golden_record WHERE id = $1`, [golden]);
    expect([...row.attributes.email].sort()).toEqual(['c.lefebvre@orange.fr', 'camille.lefevre@gmail.com']);
    expect(await count(env, `SELECT count(*) FROM steward_task`)).toBe(0);

    // the API explains the pair the engine linked, comparison by comparison
    const response = await env.request('GET', `/match/explain?left=crm:contact:C-77&right=ecommerce:9001`);
    expect(response.status).toBe(200);
    const explained = (await response.json()) as { decision: string; contributions: { comparison: string; level: string; weight: number }[] };
    expect(explained.decision).toBe('link');
    expect(explained.contributions.find((c) => c.comparison === 'phone')).toMatchObject({ level: 'exact' });
    expect(explained.contributions.find((c) => c.comparison === 'email')!.weight).toBeLessThan(0);
  });

  it('opens a steward task, with its explanation, for a record in the review band', async () => {
    // a lead with her name and a neighbouring postal code, nothing else: possibly her, possibly a namesake
    await env.produce('mdm.source.forms.customers', [
      { key: 'F-2', value: JSON.stringify({ submissionId: 'F-2', fields: { name: 'LEFEVRE Camille', zip: '69002' }, submittedAt: '2026-11-22T00:00:00Z' }) },
    ]);
    const leadGolden = await eventually(() => goldenOf('forms', 'F-2'), 'the lead resolved');
    const camille = await goldenOf('ecommerce', '9001');
    // not linked: it has a golden record of its own until a steward decides
    expect(leadGolden).not.toBe(camille);
    const tasks = await env.db.query(`SELECT * FROM steward_task WHERE source = 'forms' AND source_id = 'F-2'`);
    expect(tasks).toHaveLength(1);
    const [task] = tasks;
    expect(task).toMatchObject({ type: 'possible-match', status: 'open', golden_id: leadGolden, candidate_golden_id: camille, candidate_source: 'ecommerce', candidate_source_id: '9001' });
    expect(task.probability).toBeGreaterThanOrEqual(0.1);
    expect(task.probability).toBeLessThan(0.5);
    const comparisons = task.details.contributions.map((c: { comparison: string }) => c.comparison);
    expect(comparisons).toEqual(expect.arrayContaining(['prior', 'firstName', 'lastName', 'postalCode']));

    // the queue through the API, then the task with both records side by side
    const queue = (await (await env.request('GET', `/tasks`)).json()) as { total: number; items: { id: string; reason: string }[] };
    expect(queue.total).toBe(1);
    expect(queue.items[0]).toMatchObject({ id: task.id, reason: 'review-band' });
    const detail = (await (await env.request('GET', `/tasks/${task.id}`)).json()) as {
      record: { standardized: { fullName?: string } };
      candidate: { standardized: { lastName?: string } };
    };
    expect(detail.record.standardized.fullName).toBeDefined();
    expect(detail.candidate.standardized.lastName).toBe('Lefèvre');
    expect((await env.request('GET', `/tasks?status=done`)).status).toBe(400);
  });

  it('refreshes the task, not duplicates it, when the same record comes again in a new version', async () => {
    await env.produce('mdm.source.forms.customers', [
      { key: 'F-2', value: JSON.stringify({ submissionId: 'F-2', fields: { name: 'LEFEVRE Camille', zip: '69002', message: 'relance' }, submittedAt: '2026-11-23T00:00:00Z' }) },
    ]);
    await eventually(
      async () => (await env.db.query(`SELECT source_updated_at FROM source_record WHERE source = 'forms' AND source_id = 'F-2'`))[0]?.source_updated_at.toISOString() === '2026-11-23T00:00:00.000Z',
      'the new version stored',
    );
    expect(await count(env, `SELECT count(*) FROM steward_task WHERE source = 'forms' AND source_id = 'F-2' AND status = 'open'`)).toBe(1);
  });
  it('merges two golden records a new record proves to be one party: oldest id kept, redirect published, task closed', async () => {
    const reader = await TopicReader.start(env.kafka, [env.topic('mdm.golden.events'), env.topic('mdm.golden.parties')]);
    try {
      // an online account (email) and a lead with an initial and a phone: alike, not enough to link
      await env.produce('mdm.source.ecommerce.customers', [
        { key: 'A1', value: JSON.stringify({ accountId: 'A1', login: 'jean.dupont@free.fr', customer: { firstName: 'Jean', lastName: 'Dupont' }, updatedAt: '2026-11-20T08:00:00Z' }) },
      ]);
      const older = await eventually(() => goldenOf('ecommerce', 'A1'), 'the online account');
      await env.produce('mdm.source.forms.customers', [
        { key: 'B1', value: JSON.stringify({ submissionId: 'B1', fields: { name: 'J. DUPONT', phone: '06 99 88 77 66' }, submittedAt: '2026-11-21T00:00:00Z' }) },
      ]);
      const newer = await eventually(() => goldenOf('forms', 'B1'), 'the lead');
      expect(newer).not.toBe(older);
      expect(await count(env, `SELECT count(*) FROM steward_task WHERE source = 'forms' AND source_id = 'B1' AND status = 'open'`)).toBe(1);

      // the CRM knows both his email and his mobile: one party
      await env.produce('mdm.source.crm.customers', [
        {
          key: 'C1',
          value: JSON.stringify({ contactId: 'C1', firstName: 'Jean', lastName: 'Dupont', email: 'jean.dupont@free.fr', mobilePhone: '+33699887766', lastModifiedDate: '2026-11-22T00:00:00Z' }),
        },
      ]);
      await eventually(async () => (await goldenOf('forms', 'B1')) === older && (await goldenOf('crm', 'contact:C1')) === older, 'the merge');
      const [merged] = await env.db.query(`SELECT status, merged_into FROM golden_record WHERE id = $1`, [newer]);
      expect(merged).toEqual({ status: 'merged', merged_into: older });
      // the possible match between the lead and the online account is settled by the merge
      expect(await count(env, `SELECT count(*) FROM steward_task WHERE source = 'forms' AND source_id = 'B1' AND status = 'open'`)).toBe(0);

      await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'everything published');
      await eventually(() => reader.json<GoldenEvent>(env.topic('mdm.golden.events')).some((e) => e.type === 'golden.redirected'), 'the redirect event');
      const events = reader.json<GoldenEvent>(env.topic('mdm.golden.events'));
      expect(events.find((e) => e.type === 'golden.merged')).toMatchObject({ goldenId: older, mergedIds: [newer] });
      expect(events.find((e) => e.type === 'golden.redirected')).toMatchObject({ goldenId: newer, redirectedTo: older });
      // the merged-away id gets a tombstone on the compacted snapshot topic
      // (the reader reads both topics independently: the tombstone may come after the event)
      const lastSnapshot = () => reader.on(env.topic('mdm.golden.parties')).filter((m) => m.key === newer).at(-1);
      await eventually(() => lastSnapshot()?.value === null, 'the tombstone of the merged-away id', 30000).catch(() => undefined);
      expect(lastSnapshot()?.value).toBeNull();
      // and keeps resolving to the survivor through the API
      const response = (await (await env.request('GET', `/golden-records/${newer}`)).json()) as { goldenId: string; redirectedFrom?: string };
      expect(response).toMatchObject({ goldenId: older, redirectedFrom: newer });
    } finally {
      await reader.stop();
    }
  });

  it('opens a possible match for a near name that shares no blocking key, after the commit, and keeps it as versions come', async () => {
    // two bakeries of Rennes: the second name misspelled, nothing else in common that a key reads
    // (no SIRET, no phone, no street, different words): only the near-name reviewer finds the pair
    const account = (contactId: string, accountId: string, name: string, at: string) => ({
      contactId,
      firstName: contactId === 'N-1' ? 'Alice' : 'Bruno',
      lastName: contactId === 'N-1' ? 'Ferrand' : 'Texier',
      account: { accountId, name, billingPostalCode: '35000', billingCity: 'Rennes', billingCountry: 'France', type: 'Prospect' },
      lastModifiedDate: at,
    });
    await env.produce('mdm.source.crm.customers', [{ key: 'N-1', value: JSON.stringify(account('N-1', 'A-1', 'Boulangerie Maugendre', '2026-11-22T00:00:00Z')) }]);
    const first = await eventually(() => goldenOf('crm', 'account:A-1'), 'the first bakery resolved');
    await env.produce('mdm.source.crm.customers', [{ key: 'N-2', value: JSON.stringify(account('N-2', 'A-2', 'Boulangeri Maugendr', '2026-11-22T00:00:00Z')) }]);
    const second = await eventually(() => goldenOf('crm', 'account:A-2'), 'the second bakery resolved');
    expect(second).not.toBe(first);
    expect(await count(env, `SELECT count(*) FROM match_key a JOIN match_key b ON a.key = b.key WHERE a.source_id = 'account:A-1' AND b.source_id = 'account:A-2'`)).toBe(0);

    type TaskRow = { id: string; updated_at: Date; details: { foundBy?: string; contributions: { comparison: string }[] } };
    const openTask = (): Promise<TaskRow | undefined> =>
      env.db.query(`SELECT * FROM steward_task WHERE source = 'crm' AND source_id = 'account:A-2' AND status = 'open'`).then((rows: TaskRow[]) => rows[0]);
    const task = await eventually(openTask, 'the near-name task');
    expect(task).toMatchObject({ type: 'possible-match', golden_id: second, candidate_golden_id: first, candidate_source: 'crm', candidate_source_id: 'account:A-1' });
    expect(task.details.foundBy).toBe('near-name');
    expect(task.details.contributions.map((c: { comparison: string }) => c.comparison)).toContain('legalName');
    const waiting = () => count(env, `SELECT count(*) FROM near_name_queue`);
    await eventually(() => waiting().then((n) => n === 0), 'the near-name queue drained');

    // a new version that changes nothing the matcher reads (a website): not looked at again
    const version = (at: string, extra: Record<string, string>) => {
      const record = account('N-2', 'A-2', 'Boulangeri Maugendr', at);
      return JSON.stringify({ ...record, account: { ...record.account, ...extra } });
    };
    await env.produce('mdm.source.crm.customers', [{ key: 'N-2', value: version('2026-11-23T00:00:00Z', { website: 'www.maugendr.fr' }) }]);
    await eventually(
      async () => (await env.db.query(`SELECT source_updated_at FROM source_record WHERE source = 'crm' AND source_id = 'account:A-2'`))[0].source_updated_at.toISOString() === '2026-11-23T00:00:00.000Z',
      'the website stored',
    );
    expect(await waiting()).toBe(0);
    // one with the same name and a street: the ingest leaves the task to the reviewer, which refreshes it
    await env.produce('mdm.source.crm.customers', [{ key: 'N-2', value: version('2026-11-23T12:00:00Z', { website: 'www.maugendr.fr', billingStreet: '12 rue de Saint-Malo' }) }]);
    await eventually(async () => ((await openTask())?.updated_at ?? 0) > task.updated_at, 'the task refreshed');
    expect((await openTask())?.id).toBe(task.id);
    expect(await count(env, `SELECT count(*) FROM steward_task WHERE source = 'crm' AND source_id = 'account:A-2'`)).toBe(1);

    // renamed: no longer a near name, the reviewer closes its task
    await env.produce('mdm.source.crm.customers', [{ key: 'N-2', value: JSON.stringify(account('N-2', 'A-2', 'Garage Lemoine', '2026-11-24T00:00:00Z')) }]);
    await eventually(async () => (await env.db.query(`SELECT status FROM steward_task WHERE id = $1`, [task.id]))[0].status === 'obsolete', 'the task closed');
    expect(await openTask()).toBeUndefined();
  });
});
