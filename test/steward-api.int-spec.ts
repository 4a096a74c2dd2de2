import { randomUUID } from 'node:crypto';
import { GoldenEvent, XrefMessage } from '@mdm/core';
import { contractProblems } from './support/contracts';
import { TestEnvironment, TopicReader, count, eventually, exampleJson } from './support/harness';

/** An online account: a person with a mobile phone and a shipping address. */
const account = (
  id: number,
  person: { first: string; last: string; birthDate: string; email: string; phone: string; street: string; zip: string; city: string },
  updatedAt = '2026-11-20T08:00:00Z',
) => ({
  accountId: id,
  login: person.email,
  customer: { firstName: person.first, lastName: person.last, birthDate: person.birthDate },
  phones: [{ type: 'mobile', number: person.phone }],
  addresses: [{ type: 'shipping', street: person.street, zipCode: person.zip, city: person.city, country: 'France' }],
  updatedAt,
});
const CAMILLE = { first: 'Camille', last: 'Lefèvre', birthDate: '12/04/1986', email: 'camille.lefevre@gmail.com', phone: '06 11 22 33 44', street: '8 rue des Capucins', zip: '69001', city: 'Lyon' };
const MARC = { first: 'Marc', last: 'Durand', birthDate: '03/07/1979', email: 'marc.durand@free.fr', phone: '07 21 43 65 87', street: '14 rue Oberkampf', zip: '75011', city: 'Paris' };
const ELODIE = { first: 'Élodie', last: 'Rousseau', birthDate: '21/09/1992', email: 'elodie.rousseau@laposte.net', phone: '06 98 76 54 32', street: '3 cours Victor Hugo', zip: '33000', city: 'Bordeaux' };
/** A web-form lead with only a name and a neighbouring postal code: possibly the same person, possibly a namesake. */
const lead = (id: string, name: string, zip: string, submittedAt = '2026-11-22T00:00:00Z') => ({ submissionId: id, fields: { name, zip }, submittedAt });

/** The fields a 400 names, each once. */
const fieldsOf = (body: { details?: { field?: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];

interface TaskSummary {
  id: string;
  type: string;
  status: string;
  priority: number;
  assignee: string | null;
  probability: number | null;
  createdAt: string;
  record: { source: string; sourceId: string; goldenId: string };
  candidate: { source: string; sourceId: string; goldenId: string };
}
interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}
interface SearchHit {
  id: string;
  kind: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  siren: string | null;
  score: number;
  sources: { source: string; sourceId: string }[];
}

/**
 * The data steward's workspace through the REST API, with the engine running on a real Kafka
 * broker and a real PostgreSQL: search, the 360° view, the task queue, decisions on possible
 * matches (and that re-clustering honours them), split preview, choose-a-value, bulk actions and
 * the dashboard.
 */
describe('steward API: search, 360° view, task queue and decisions', () => {
  let env: TestEnvironment;
  let reader: TopicReader;
  let camille: string;
  let company: string;
  /** possible-match tasks: F-2 ↔ 9001 (Camille), F-4 ↔ 9002 (Marc), F-6 ↔ 9003 (Élodie) */
  const tasks: Record<string, TaskSummary> = {};

  const send = (method: string, path: string, body?: unknown) => env.request(method, path, body);
  const json = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await send(method, path, body);
    return { status: response.status, body: (await response.json()) as T };
  };
  const goldenOf = (source: string, sourceId: string) => env.goldenOf(source, sourceId);
  const golden = async (id: string) => (await env.db.query(`SELECT * FROM golden_record WHERE id = $1`, [id]))[0];
  const published = () => eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'everything published');
  const stored = (source: string, sourceId: string, at: string) =>
    eventually(
      async () => (await env.db.query(`SELECT source_updated_at FROM source_record WHERE source = $1 AND source_id = $2`, [source, sourceId]))[0]?.source_updated_at?.toISOString() === at,
      `${source}:${sourceId} at ${at}`,
    );

  beforeAll(async () => {
    env = await TestEnvironment.create('steward_api');
    await env.start();
    reader = await TopicReader.start(env.kafka, [env.topic('mdm.golden.events'), env.topic('mdm.golden.parties'), env.topic('mdm.xref')]);
    await env.produce('mdm.source.ecommerce.customers', [
      { key: '9001', value: JSON.stringify(account(9001, CAMILLE)) },
      { key: '9002', value: JSON.stringify(account(9002, MARC)) },
      { key: '9003', value: JSON.stringify(account(9003, ELODIE)) },
    ]);
    await env.produce('mdm.source.erp.customers', [{ key: 'C100234', value: JSON.stringify(exampleJson('erp')) }]);
    await eventually(() => count(env, `SELECT count(*) FROM xref`).then((n) => n === 4), 'the accounts and the ERP customer resolved');
    await env.produce('mdm.source.forms.customers', [
      { key: 'F-2', value: JSON.stringify(lead('F-2', 'LEFEVRE Camille', '69002')) },
      { key: 'F-4', value: JSON.stringify(lead('F-4', 'DURAND Marc', '75012')) },
      { key: 'F-6', value: JSON.stringify(lead('F-6', 'ROUSSEAU Elodie', '33100')) },
    ]);
    await eventually(() => count(env, `SELECT count(*) FROM steward_task WHERE type = 'possible-match' AND status = 'open'`).then((n) => n === 3), 'three possible matches');
    camille = (await goldenOf('ecommerce', '9001'))!;
    company = (await goldenOf('erp', 'C100234'))!;
    const queue = await json<Page<TaskSummary>>('GET', '/tasks?type=possible-match');
    for (const task of queue.body.items) tasks[task.record.sourceId] = task;
    expect(Object.keys(tasks).sort()).toEqual(['F-2', 'F-4', 'F-6']);
    await published();
  });

  afterAll(async () => {
    await reader?.stop();
    await env?.close();
  });

  describe('search', () => {
    it('finds a person by name with a typo and without accents, the best match first', async () => {
      const { status, body } = await json<Page<SearchHit> & { matchedOn: string }>('GET', `/golden-records/search?q=${encodeURIComponent('Camile Lefevre')}`);
      expect(status).toBe(200);
      expect(body.matchedOn).toBe('name');
      expect(body.items[0]).toMatchObject({ id: camille, kind: 'person', displayName: 'Camille Lefèvre', email: 'camille.lefevre@gmail.com', phone: '+33611223344', city: 'Lyon' });
      expect(body.items[0].sources).toEqual([{ source: 'ecommerce', sourceId: '9001' }]);
      // the lead of the same name comes too, less similar; Marc and Élodie do not
      const ids = body.items.map((i) => i.id);
      expect(ids).toContain(await goldenOf('forms', 'F-2'));
      expect(ids).not.toContain(await goldenOf('ecommerce', '9002'));
      expect(body.items.map((i) => i.score)).toEqual([...body.items.map((i) => i.score)].sort((a, b) => b - a));
      // paginated
      const page = await json<Page<SearchHit>>('GET', '/golden-records/search?q=lefevre&limit=1&offset=1');
      expect(page.body).toMatchObject({ total: body.total, limit: 1, offset: 1 });
      expect(page.body.items.map((i) => i.id)).toEqual([ids[1]]);
      // in a city, accents and case ignored: the lead has none, so only the account stays
      const inLyon = await json<Page<SearchHit>>('GET', '/golden-records/search?q=lefevre&city=LYÖN');
      expect(inLyon.body.items.map((i) => i.id)).toEqual([camille]);
    });

    it('finds by phone written in another format, by email, by SIRET and by SIREN', async () => {
      const byPhone = await json<Page<SearchHit> & { matchedOn: string }>('GET', `/golden-records/search?q=${encodeURIComponent('+33 (0)6.11.22.33.44')}`);
      expect(byPhone.body).toMatchObject({ total: 1, matchedOn: 'phone' });
      expect(byPhone.body.items[0]).toMatchObject({ id: camille, score: 1 });
      const byEmail = await json<Page<SearchHit>>('GET', `/golden-records/search?q=${encodeURIComponent('Marc.Durand@free.fr')}`);
      expect(byEmail.body.items.map((i) => i.id)).toEqual([await goldenOf('ecommerce', '9002')]);
      const bySiret = await json<Page<SearchHit> & { matchedOn: string }>('GET', `/golden-records/search?q=${encodeURIComponent('832 145 676 00009')}`);
      expect(bySiret.body).toMatchObject({ total: 1, matchedOn: 'siret' });
      expect(bySiret.body.items[0]).toMatchObject({ id: company, kind: 'organization', siren: '832145676' });
      const bySiren = await json<Page<SearchHit> & { matchedOn: string }>('GET', '/golden-records/search?q=832145676&kind=organization');
      expect(bySiren.body).toMatchObject({ total: 1, matchedOn: 'siren' });
      expect((await json<Page<SearchHit>>('GET', '/golden-records/search?q=832145676&kind=person')).body.total).toBe(0);
      const byCompanyName = await json<Page<SearchHit>>('GET', `/golden-records/search?q=${encodeURIComponent('dupon et fils')}`);
      expect(byCompanyName.body.items[0].id).toBe(company);
      // a name within one kind: the company's, not the people's
      const companyOnly = await json<Page<SearchHit>>('GET', `/golden-records/search?q=${encodeURIComponent('dupon et fils')}&kind=organization`);
      expect(companyOnly.body.items.map((i) => i.id)).toEqual([company]);
      expect((await json<Page<SearchHit>>('GET', `/golden-records/search?q=${encodeURIComponent('dupon et fils')}&kind=person`)).body.items.map((i) => i.id)).not.toContain(company);
    });

    it('refuses a query it cannot read, naming the field', async () => {
      const short = await json<{ code: string; details: { field: string }[] }>('GET', '/golden-records/search?q=x');
      expect(short.status).toBe(400);
      expect(short.body.details.map((d) => d.field)).toContain('q');
      const none = await json<{ details: { field: string }[] }>('GET', '/golden-records/search');
      expect(none.status).toBe(400);
      expect(fieldsOf(none.body)).toEqual(['q']);
      const unknown = await json<{ details: { field: string }[] }>('GET', '/golden-records/search?q=lefevre&colour=red');
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown.body)).toEqual(['colour']);
      const kind = await json<{ details: { field: string }[] }>('GET', '/golden-records/search?q=lefevre&kind=robot');
      expect(fieldsOf(kind.body)).toEqual(['kind']);
    });
  });

  it('gives the 360° view: values with lineage, source records side by side, quality, history, open tasks', async () => {
    const { status, body } = await json<{
      goldenId: string;
      values: { attribute: string; value: unknown; lineage: { source: string; sourceId: string; rule: string }[] }[];
      sourceRecords: { source: string; sourceId: string; attributes: Record<string, unknown>; standardized: Record<string, unknown>; findings: unknown[]; chosenAttributes: string[] }[];
      relationships: unknown[];
      quality: { findings: unknown[]; bySeverity: Record<string, number> };
      history: { version: number; change: string }[];
      openTasks: { id: string }[];
    }>('GET', `/golden-records/${camille}/view`);
    expect(status).toBe(200);
    expect(body.goldenId).toBe(camille);
    const email = body.values.find((v) => v.attribute === 'email')!;
    expect(email.value).toEqual(['camille.lefevre@gmail.com']);
    expect(email.lineage[0]).toMatchObject({ source: 'ecommerce', sourceId: '9001' });
    expect(email.lineage[0].rule).toEqual(expect.any(String));
    expect(body.sourceRecords).toHaveLength(1);
    expect(body.sourceRecords[0]).toMatchObject({ source: 'ecommerce', sourceId: '9001', attributes: { lastName: 'Lefèvre' }, standardized: { phone: ['+33611223344'] } });
    expect(body.sourceRecords[0].chosenAttributes).toEqual(expect.arrayContaining(['email', 'phone', 'lastName']));
    expect(body.history.map((h) => [h.version, h.change])).toEqual([[1, 'golden.created']]);
    expect(body.openTasks.map((t) => t.id)).toEqual([tasks['F-2'].id]);
    expect(Array.isArray(body.relationships)).toBe(true);

    expect((await json<{ code: string }>('GET', `/golden-records/${randomUUID()}/view`)).body.code).toBe('GOLDEN_NOT_FOUND');
    const bad = await json<{ details: { field: string }[] }>('GET', '/golden-records/not-an-id/view');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'id', message: 'must be a UUID' }]);
  });

  describe('the task queue', () => {
    it('filters by type, source, probability and assignee, sorts by priority or age, and pages', async () => {
      const rows: { id: string; priority: number; created_at: Date }[] = await env.db.query(`SELECT id, priority, created_at FROM steward_task WHERE type = 'possible-match' AND status = 'open'`);
      const all = await json<Page<TaskSummary>>('GET', '/tasks?type=possible-match&source=forms&minProbability=0');
      expect(all.body.total).toBe(3);
      // each side names its party, from the list itself
      const camilles = all.body.items.find((t) => t.record.sourceId === 'F-2')!;
      expect(camilles.record).toMatchObject({ kind: 'person', displayName: 'LEFEVRE Camille' });
      expect(camilles.candidate).toMatchObject({ kind: 'person', displayName: 'Camille Lefèvre' });
      expect((await json<Page<TaskSummary>>('GET', '/tasks?type=possible-match&source=crm')).body.total).toBe(0);
      expect((await json<Page<TaskSummary>>('GET', '/tasks?type=possible-match&minProbability=1')).body.total).toBe(0);
      expect((await json<Page<TaskSummary>>('GET', '/tasks?type=erp-incomplete&status=resolved')).body.items.every((t) => t.type === 'erp-incomplete')).toBe(true);

      const byPriority = (await json<Page<TaskSummary>>('GET', '/tasks?type=possible-match&sort=priority&order=asc')).body.items.map((t) => t.priority);
      expect(byPriority).toEqual([...rows.map((r) => r.priority)].sort((a, b) => a - b));
      const oldestFirst = (await json<Page<TaskSummary>>('GET', '/tasks?type=possible-match&sort=age&order=desc')).body.items.map((t) => Date.parse(t.createdAt));
      expect(oldestFirst).toEqual([...oldestFirst].sort((a, b) => a - b));
      const newestFirst = (await json<Page<TaskSummary>>('GET', '/tasks?type=possible-match&sort=age&order=asc')).body.items.map((t) => Date.parse(t.createdAt));
      expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));
      const second = await json<Page<TaskSummary>>('GET', '/tasks?type=possible-match&limit=1&offset=1');
      expect(second.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(second.body.items).toHaveLength(1);

      const refused = await json<{ details: { field: string }[] }>('GET', '/tasks?minProbability=2&sort=size');
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body).sort()).toEqual(['minProbability', 'sort']);
    });

    it('assigns and unassigns a task, and lists a task’s comments', async () => {
      const task = tasks['F-4'];
      const assigned = await json<{ taskId: string; assignee: string }>('POST', `/tasks/${task.id}/assign`, { assignee: 'bob', by: 'alice' });
      expect(assigned).toEqual({ status: 200, body: { taskId: task.id, assignee: 'bob' } });
      expect((await json<Page<TaskSummary>>('GET', '/tasks?assignee=bob')).body.items.map((t) => t.id)).toEqual([task.id]);
      expect((await json<Page<TaskSummary>>('GET', '/tasks?type=possible-match&unassigned=true')).body.items.map((t) => t.id)).not.toContain(task.id);
      await json('POST', `/tasks/${task.id}/assign`, { assignee: null, by: 'alice' });
      expect((await json<Page<TaskSummary>>('GET', '/tasks?assignee=bob')).body.total).toBe(0);

      const comment = await json<{ id: string; author: string; text: string }>('POST', `/tasks/${task.id}/comments`, { text: 'called the shop: two different customers', by: 'bob' });
      expect(comment.status).toBe(201);
      // the author is the signed-in caller (the harness signs in as admin); `by` only names one when nobody is signed in
      expect(comment.body).toMatchObject({ author: 'admin', text: 'called the shop: two different customers' });
      const detail = await json<{ comments: { author: string; text: string }[] }>('GET', `/tasks/${task.id}`);
      expect(detail.body.comments).toMatchObject([{ author: 'admin', text: 'called the shop: two different customers' }]);

      const noAssignee = await json<{ details: { field: string }[] }>('POST', `/tasks/${task.id}/assign`, { by: 'alice' });
      expect(noAssignee.status).toBe(400);
      expect(fieldsOf(noAssignee.body)).toEqual(['assignee']);
      const extra = await json<{ details: { field: string }[] }>('POST', `/tasks/${task.id}/comments`, { text: 'x', by: 'bob', urgent: true });
      expect(extra.status).toBe(400);
      expect(fieldsOf(extra.body)).toEqual(['urgent']);
      // signed in, a steward need not name themselves
      const noBy = await json<{ author: string }>('POST', `/tasks/${task.id}/comments`, { text: 'who am I' });
      expect(noBy).toMatchObject({ status: 201, body: { author: 'admin' } });
      expect((await json<{ code: string }>('POST', `/tasks/${randomUUID()}/comments`, { text: 'lost', by: 'bob' })).body.code).toBe('TASK_NOT_FOUND');
    });

    it('shows both records side by side with what differs, and the match weights as a list for a chart', async () => {
      const task = tasks['F-2'];
      const { body } = await json<{
        comparison: { attribute: string; record: unknown; candidate: unknown; differs: boolean }[];
        weights: { comparison: string; level: string; weight: number }[];
        details: { contributions: { comparison: string; level: string; weight: number }[] };
      }>('GET', `/tasks/${task.id}`);
      expect(body.comparison.find((c) => c.attribute === 'postalCode')).toEqual({ attribute: 'postalCode', record: '69002', candidate: '69001', differs: true });
      // a value on one side only is not a difference
      expect(body.comparison.find((c) => c.attribute === 'email')).toMatchObject({ record: null, differs: false });
      expect(body.weights.map((w) => w.comparison)).toEqual(body.details.contributions.map((c) => c.comparison));
      expect(body.weights[0]).toEqual({ comparison: 'prior', level: expect.any(String), weight: body.details.contributions[0].weight });
      expect(body.weights.find((w) => w.comparison === 'postalCode')!.weight).toEqual(expect.any(Number));
    });
  });

  describe('decisions', () => {
    it('merges on a steward’s decision, publishes it like an engine merge, and re-clustering keeps the two together', async () => {
      const task = tasks['F-2'];
      const leadGolden = (await goldenOf('forms', 'F-2'))!;
      const decided = await json<{ taskId: string; decision: string; status: string; goldenIds: string[]; mergedIds: string[] }>('POST', `/tasks/${task.id}/decision`, {
        decision: 'merge',
        reason: 'same person: she confirmed her quote request by phone',
        by: 'alice',
      });
      expect(decided.status).toBe(200);
      // the account's golden record is the older one: it survives
      expect(decided.body).toEqual({ taskId: task.id, decision: 'merge', status: 'resolved', goldenIds: [camille], mergedIds: [leadGolden] });
      expect(await goldenOf('forms', 'F-2')).toBe(camille);
      expect(await golden(leadGolden)).toMatchObject({ status: 'merged', merged_into: camille });
      expect((await golden(camille)).sources).toEqual([{ source: 'ecommerce', sourceId: '9001' }, { source: 'forms', sourceId: 'F-2' }]);
      // decided by the signed-in caller, whatever `by` says
      expect(await env.db.query(`SELECT decision, decided_by FROM match_decision`)).toEqual([{ decision: 'match', decided_by: 'admin' }]);
      const [row] = await env.db.query(`SELECT status, resolution FROM steward_task WHERE id = $1`, [task.id]);
      expect(row).toMatchObject({ status: 'resolved', resolution: { by: 'admin', decision: 'merge', reason: 'same person: she confirmed her quote request by phone' } });

      // published through the outbox, as the engine's own merges are
      await eventually(() => reader.json<GoldenEvent>(env.topic('mdm.golden.events')).some((e) => e.type === 'golden.merged' && e.goldenId === camille), 'the merge event');
      const events = reader.json<GoldenEvent>(env.topic('mdm.golden.events'));
      expect(events.find((e) => e.type === 'golden.merged' && e.goldenId === camille)).toMatchObject({ mergedIds: [leadGolden], cause: { steward: 'admin', action: 'merge' } });
      expect(events.find((e) => e.type === 'golden.redirected' && e.goldenId === leadGolden)).toMatchObject({ redirectedTo: camille });
      await eventually(() => reader.json<XrefMessage>(env.topic('mdm.xref')).some((x) => x.sourceId === 'F-2' && x.goldenId === camille), 'the cross-reference');
      await eventually(() => reader.on(env.topic('mdm.golden.parties')).some((m) => m.key === leadGolden && m.value === null), 'the tombstone');

      // the merged-away id answers with the survivor
      const view = await json<{ goldenId: string; redirectedFrom: string; sourceRecords: unknown[] }>('GET', `/golden-records/${leadGolden}/view`);
      expect(view.body).toMatchObject({ goldenId: camille, redirectedFrom: leadGolden });
      expect(view.body.sourceRecords).toHaveLength(2);

      // a second decision on the closed task
      const again = await json<{ code: string }>('POST', `/tasks/${task.id}/decision`, { decision: 'not-a-match', by: 'bob' });
      expect(again).toMatchObject({ status: 409, body: { code: 'TASK_CLOSED' } });

      // both records come again in new versions: re-clustering alone would split them (a review, not a link), the decision keeps them together
      await env.produce('mdm.source.forms.customers', [{ key: 'F-2', value: JSON.stringify(lead('F-2', 'LEFEVRE Camille', '69002', '2026-11-24T00:00:00Z')) }]);
      await env.produce('mdm.source.ecommerce.customers', [
        { key: '9001', value: JSON.stringify(account(9001, CAMILLE, '2026-11-24T00:00:00Z')) },
      ]);
      await stored('forms', 'F-2', '2026-11-24T00:00:00.000Z');
      await stored('ecommerce', '9001', '2026-11-24T00:00:00.000Z');
      await published();
      expect(await goldenOf('forms', 'F-2')).toBe(camille);
      expect(await goldenOf('ecommerce', '9001')).toBe(camille);
      expect(await count(env, `SELECT count(*) FROM steward_task WHERE status = 'open' AND source = 'forms' AND source_id = 'F-2'`)).toBe(0);
    });

    it('keeps two records apart on a not-a-match decision, also after a new version', async () => {
      const task = tasks['F-4'];
      const marc = (await goldenOf('ecommerce', '9002'))!;
      const leadGolden = (await goldenOf('forms', 'F-4'))!;
      const decided = await json<{ goldenIds: string[]; mergedIds: string[]; status: string }>('POST', `/tasks/${task.id}/decision`, { decision: 'not-a-match', reason: 'another Marc Durand', by: 'bob' });
      expect(decided).toEqual({ status: 200, body: { taskId: task.id, decision: 'not-a-match', status: 'resolved', goldenIds: [leadGolden, marc], mergedIds: [] } });
      expect(await env.db.query(`SELECT decision FROM match_decision WHERE decided_by = 'admin' AND decision = 'not-a-match'`)).toEqual([{ decision: 'not-a-match' }]);
      expect((await json<{ status: string }>('GET', `/tasks/${task.id}`)).body.status).toBe('resolved');

      await env.produce('mdm.source.forms.customers', [{ key: 'F-4', value: JSON.stringify(lead('F-4', 'DURAND Marc', '75012', '2026-11-24T00:00:00Z')) }]);
      await stored('forms', 'F-4', '2026-11-24T00:00:00.000Z');
      await published();
      expect(await goldenOf('forms', 'F-4')).toBe(leadGolden);
      expect(await goldenOf('ecommerce', '9002')).toBe(marc);
      // the decided pair opens no new task
      expect(await count(env, `SELECT count(*) FROM steward_task WHERE status = 'open' AND source = 'forms' AND source_id = 'F-4'`)).toBe(0);
      expect((await json<{ code: string }>('POST', `/tasks/${task.id}/decision`, { decision: 'merge', by: 'bob' })).status).toBe(409);
      expect((await json<{ code: string }>('POST', `/tasks/${task.id}/assign`, { assignee: 'bob', by: 'alice' })).body.code).toBe('TASK_CLOSED');
    });

    it('refuses a merge a rule forbids (two accounts of the ERP) with 422, and a decision it cannot read with 400', async () => {
      // a second ERP account for the same establishment: the ERP holds no duplicates, a steward must fix it there
      await env.produce('mdm.source.erp.customers', [{ key: 'C100999', value: JSON.stringify({ ...exampleJson('erp'), customerNumber: 'C100999', lastChangeDate: '2026-11-03T09:00:00Z' }) }]);
      const [duplicate] = await eventually(
        async () => {
          const rows: { id: string }[] = await env.db.query(`SELECT id FROM steward_task WHERE type = 'source-duplicate' AND status = 'open'`);
          return rows.length > 0 ? rows : null;
        },
        'the ERP duplicate task',
      );
      const refused = await json<{ code: string; details: { field: string; message: string }[] }>('POST', `/tasks/${duplicate.id}/decision`, { decision: 'merge', by: 'alice' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('MERGE_FORBIDDEN');
      expect(refused.body.details[0].message).toContain('same-unique-source');
      expect(await count(env, `SELECT count(*) FROM match_decision WHERE decision = 'match' AND (left_source = 'erp' OR right_source = 'erp')`)).toBe(0);
      expect((await json<{ status: string }>('GET', `/tasks/${duplicate.id}`)).body.status).toBe('open');

      const unknown = await json<{ details: { field: string }[] }>('POST', `/tasks/${duplicate.id}/decision`, { decision: 'maybe', by: 'alice' });
      expect(unknown.status).toBe(400);
      expect(fieldsOf(unknown.body)).toEqual(['decision']);
      expect((await json<{ code: string }>('POST', `/tasks/${randomUUID()}/decision`, { decision: 'merge', by: 'alice' })).body.code).toBe('TASK_NOT_FOUND');
    });

    it('applies a bulk action task by task: one failure does not stop the others', async () => {
      const missing = randomUUID();
      const { status, body } = await json<{ items: { id: string; ok: boolean; code?: string }[] }>('POST', '/tasks/bulk', {
        taskIds: [tasks['F-2'].id, tasks['F-6'].id, missing],
        action: 'merge',
        reason: 'same customers, checked by the shop',
        by: 'alice',
      });
      expect(status).toBe(200);
      expect(body.items.map(({ id, ok, code }) => ({ id, ok, code }))).toEqual([
        { id: tasks['F-2'].id, ok: false, code: 'TASK_CLOSED' },
        { id: tasks['F-6'].id, ok: true, code: undefined },
        { id: missing, ok: false, code: 'TASK_NOT_FOUND' },
      ]);
      expect(await goldenOf('forms', 'F-6')).toBe(await goldenOf('ecommerce', '9003'));

      const bad = await json<{ details: { field: string }[] }>('POST', '/tasks/bulk', { taskIds: ['nope'], action: 'merge', by: 'alice' });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['taskIds']);
      const noAssignee = await json<{ details: { field: string }[] }>('POST', '/tasks/bulk', { taskIds: [missing], action: 'assign', by: 'alice' });
      expect(fieldsOf(noAssignee.body)).toEqual(['assignee']);
    });
  });

  it('lets a steward choose the value of one source record, with a reason', async () => {
    // Camille's golden record holds the account (69001) and the lead (69002): the steward takes the lead's postal code
    const chosen = await json<{ attributes: Record<string, unknown>; lineage: Record<string, { rule: string; override?: { by: string } }[]> }>('PUT', `/golden-records/${camille}/overrides/postalCode`, {
      fromSourceRecord: { source: 'forms', sourceId: 'F-2' },
      reason: 'she moved: the lead is her new address',
      by: 'alice',
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.attributes.postalCode).toBe('69002');
    expect(chosen.body.lineage.postalCode[0]).toMatchObject({ rule: 'steward-override', override: { by: 'admin' } });

    const notMember = await json<{ details: { field: string }[] }>('PUT', `/golden-records/${camille}/overrides/postalCode`, { fromSourceRecord: { source: 'erp', sourceId: 'C100234' }, reason: 'wrong record', by: 'alice' });
    expect(notMember.status).toBe(400);
    expect(fieldsOf(notMember.body)).toEqual(['fromSourceRecord']);
    const both = await json<{ details: { field: string }[] }>('PUT', `/golden-records/${camille}/overrides/postalCode`, { value: '69003', fromSourceRecord: { source: 'forms', sourceId: 'F-2' }, reason: 'both', by: 'alice' });
    expect(fieldsOf(both.body)).toEqual(['value']);
    const noReason = await json<{ details: { field: string }[] }>('PUT', `/golden-records/${camille}/overrides/postalCode`, { fromSourceRecord: { source: 'forms', sourceId: 'F-2' }, by: 'alice' });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
    const badRef = await json<{ details: { field: string }[] }>('PUT', `/golden-records/${camille}/overrides/postalCode`, { fromSourceRecord: { source: 'forms' }, reason: 'half a reference', by: 'alice' });
    expect(fieldsOf(badRef.body)).toEqual(['fromSourceRecord.sourceId']);
  });

  it('previews a split exactly as the split then comes out, and writes nothing for the preview', async () => {
    const before = await golden(camille);
    const preview = await json<{ applied: boolean; remaining: { goldenId: string; values: unknown }; split: { goldenId: null; values: { sources: unknown[] } } }>(
      'POST',
      `/golden-records/${camille}/unmerge/preview`,
      { sourceRecords: ['forms:F-2'] },
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ applied: false, remaining: { goldenId: camille }, split: { goldenId: null } });
    expect(preview.body.split.values.sources).toEqual([{ source: 'forms', sourceId: 'F-2' }]);
    expect((await golden(camille)).version).toBe(before.version);
    expect(await count(env, `SELECT count(*) FROM golden_history WHERE golden_id = $1`, [camille])).toBe(before.version);

    const applied = await json<{ applied: boolean; remaining: { goldenId: string; values: unknown }; split: { goldenId: string; values: unknown } }>('POST', `/golden-records/${camille}/unmerge`, {
      sourceRecords: ['forms:F-2'],
      by: 'alice',
      reason: 'the lead was her sister after all',
    });
    expect(applied.status).toBe(200);
    expect(applied.body.remaining.values).toEqual(preview.body.remaining.values);
    expect(applied.body.split.values).toEqual(preview.body.split.values);
    expect(await goldenOf('forms', 'F-2')).toBe(applied.body.split.goldenId);
    // the split replaces the steward's merge decision on the pair
    expect(await env.db.query(`SELECT decision FROM match_decision WHERE left_source = 'ecommerce' AND right_source = 'forms' AND right_source_id = 'F-2'`)).toEqual([{ decision: 'not-a-match' }]);

    const refused = await json<{ details: { field: string }[] }>('POST', `/golden-records/${camille}/unmerge/preview`, { sourceRecords: ['forms'] });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['sourceRecords']);
  });

  it('gives the dashboard figures that match the stored data', async () => {
    await published();
    const { status, body } = await json<{
      engine: {
        sourceRecords: { total: number; bySource: Record<string, number> };
        goldenRecords: { active: number; merged: number };
        tasks: { open: number; byType: Record<string, number> };
        deadLetters: { total: number };
        outbox: { pending: number };
      };
      quality: {
        sources: { source: string; records: number; findings: { byCode: { code: string; severity: string; count: number }[]; bySeverity: Record<string, number> }; completeness: { attribute: string; records: number; filled: number; fillRate: number }[] }[];
        totals: { records: number };
      };
    }>('GET', '/dashboard');
    expect(status).toBe(200);
    const bySource = Object.fromEntries((await env.db.query(`SELECT source, count(*)::int AS n FROM source_record GROUP BY source`)).map((r: { source: string; n: number }) => [r.source, r.n]));
    expect(body.engine.sourceRecords.bySource).toEqual(bySource);
    expect(bySource).toEqual({ ecommerce: 3, erp: 2, forms: 3 });
    expect(body.engine.goldenRecords).toEqual({
      active: await count(env, `SELECT count(*) FROM golden_record WHERE status = 'active'`),
      merged: await count(env, `SELECT count(*) FROM golden_record WHERE status = 'merged'`),
    });
    // Camille's lead and Élodie's lead were merged by a steward
    expect(body.engine.goldenRecords.merged).toBe(2);
    expect(body.engine.tasks.byType['source-duplicate']).toBe(1);
    expect(body.engine.tasks.open).toBe(await count(env, `SELECT count(*) FROM steward_task WHERE status = 'open'`));
    expect(body.engine).toMatchObject({ deadLetters: { total: 0 }, outbox: { pending: 0 } });

    expect(body.quality.sources.map((s) => [s.source, s.records])).toEqual([['ecommerce', 3], ['erp', 2], ['forms', 3]]);
    expect(body.quality.totals.records).toBe(8);
    const forms = body.quality.sources.find((s) => s.source === 'forms')!;
    // every lead has a postal code
    expect(forms.completeness.find((a) => a.attribute === 'postalCode')).toMatchObject({ records: 3, filled: 3, fillRate: 1 });
    for (const a of body.quality.sources.flatMap((q) => q.completeness)) expect(a.fillRate).toBeCloseTo(a.filled / a.records, 6);
    for (const source of body.quality.sources) {
      const total = source.findings.byCode.reduce((sum, f) => sum + f.count, 0);
      expect(Object.values(source.findings.bySeverity).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('publishes the steward’s changes in the documented contracts', async () => {
    await published();
    const messages = ['mdm.golden.parties', 'mdm.golden.events', 'mdm.xref'].flatMap((t) => reader.json<unknown>(env.topic(t)));
    expect(messages.map((m) => contractProblems(m)).filter((p) => p.length > 0)).toEqual([]);
  });
});
