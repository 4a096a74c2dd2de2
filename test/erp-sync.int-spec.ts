import { ErpCreationRequest } from '@mdm/core';
import { contractProblems } from './support/contracts';
import { TestEnvironment, TopicReader, count, eventually, exampleJson } from './support/harness';

const example = exampleJson;

/** A customer reaches the ERP once, complete, and the ERP's answer joins the same golden record (real Kafka, real PostgreSQL). */
describe('ERP synchronisation', () => {
  let env: TestEnvironment;
  let reader: TopicReader;
  let company: string;

  const put = (path: string, body: unknown) => env.request('PUT', path, body);
  const goldenOf = (source: string, sourceId: string) => env.goldenOf(source, sourceId);
  const requests = () => reader.json<ErpCreationRequest>(env.topic('mdm.erp.requests'));
  const published = () => eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'everything published');

  beforeAll(async () => {
    env = await TestEnvironment.create('erp_sync');
    await env.start();
    reader = await TopicReader.start(env.kafka, [env.topic('mdm.erp.requests')]);
    // the CRM says the company is a customer; the ERP does not know it yet
    await env.produce('mdm.source.crm.customers', [{ key: 'crm', value: JSON.stringify(example('crm')) }]);
    company = await eventually(() => goldenOf('crm', 'account:001XY000003DefG'), 'the CRM account resolved');
  });

  afterAll(async () => {
    await reader?.stop();
    await env?.close();
  });

  it('opens a task instead of a request while the customer lacks what the ERP requires', async () => {
    await published();
    const [task] = await env.db.query(`SELECT * FROM steward_task WHERE type = 'erp-incomplete' AND golden_id = $1`, [company]);
    expect(task).toMatchObject({ status: 'open', source: null });
    // the CRM account has a name, a SIRET, an address and a phone, but no NAF code nor payment terms
    expect(task.details).toEqual({ profile: 'erp', missing: ['nafCode', 'paymentTerms'] });
    expect(requests()).toEqual([]);
    const queue = (await (await env.request('GET', '/tasks?type=erp-incomplete')).json()) as { total: number };
    expect(queue.total).toBe(1);
  });

  it('sends one creation request once a steward completes the customer, and only one', async () => {
    expect((await put(`/golden-records/${company}/overrides/nafCode`, { value: '10.71C', by: 'alice', reason: 'from the Kbis extract' })).status).toBe(200);
    await published();
    expect(requests()).toEqual([]);
    expect((await put(`/golden-records/${company}/overrides/paymentTerms`, { value: '30J_FDM', by: 'alice', reason: 'agreed with accounting' })).status).toBe(200);
    await eventually(() => requests().length === 1, 'the creation request');
    const [request] = requests();
    expect(request).toMatchObject({ schema: 'mdm.erp.request/v1', goldenId: company, kind: 'organization', account: { siret: '83214567600009', nafCode: '10.71C', paymentTerms: '30J_FDM' } });
    expect(contractProblems(request)).toEqual([]);
    expect(await count(env, `SELECT count(*) FROM steward_task WHERE type = 'erp-incomplete' AND status = 'open'`)).toBe(0);

    // the CRM account comes again, changed: still one request
    await env.produce('mdm.source.crm.customers', [{ key: 'crm', value: JSON.stringify({ ...example('crm'), lastModifiedDate: '2026-11-22T10:00:00Z', account: { ...example('crm').account, website: 'dupont-fils.com' } }) }]);
    await eventually(async () => (await env.db.query(`SELECT attributes FROM golden_record WHERE id = $1`, [company]))[0].attributes.website === 'dupont-fils.com', 'the new CRM version');
    await published();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requests()).toHaveLength(1);
    expect(await env.db.query(`SELECT status FROM erp_sync WHERE golden_id = $1`, [company])).toEqual([{ status: 'requested' }]);
  });

  it("joins the account the ERP created to the same golden record, through the request's golden id", async () => {
    const created = { ...example('erp'), customerNumber: 'C200001', companyName: 'DUPONT & FILS', mdmReference: company, lastChangeDate: '2026-11-23T09:00:00Z' };
    await env.produce('mdm.source.erp.customers', [{ key: 'C200001', value: JSON.stringify(created) }]);
    expect(await eventually(() => goldenOf('erp', 'C200001'), 'the ERP account')).toBe(company);
    expect(await env.db.query(`SELECT status, erp_source_id FROM erp_sync WHERE golden_id = $1`, [company])).toEqual([{ status: 'created', erp_source_id: 'C200001' }]);
  });

  it('never merges a second ERP account that matches the first: it raises an ERP duplicate task', async () => {
    // the same company keyed in again in the ERP under another number (same SIRET)
    const duplicate = { ...example('erp'), customerNumber: 'C200777', lastChangeDate: '2026-11-23T10:00:00Z' };
    await env.produce('mdm.source.erp.customers', [{ key: 'C200777', value: JSON.stringify(duplicate) }]);
    const golden = await eventually(() => goldenOf('erp', 'C200777'), 'the second ERP account');
    expect(golden).not.toBe(company);
    const [task] = await env.db.query(`SELECT * FROM steward_task WHERE type = 'source-duplicate' AND source = 'erp' AND source_id = 'C200777'`);
    expect(task).toMatchObject({ status: 'open', candidate_golden_id: company, candidate_source: 'erp' });
    expect(task.details.reason).toBe('same-source-duplicate');
    await published();
    expect(requests()).toHaveLength(1);
  });
});
