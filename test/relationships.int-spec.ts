import { TestEnvironment, count, eventually, exampleText } from './support/harness';

const example = exampleText;

interface Relationship {
  role: string;
  direction: 'outgoing' | 'incoming';
  goldenId: string;
  origin: 'source' | 'steward';
}

/** Contacts stay attached to their accounts whatever happens to either side (real Kafka, real PostgreSQL). */
describe('relationships between golden records', () => {
  let env: TestEnvironment;
  let person: string;
  let company: string;

  const post = (path: string, body: unknown) => env.request('POST', path, body);
  const relationshipsOf = async (id: string) => ((await (await env.request('GET', `/golden-records/${id}/relationships`)).json()) as { items: Relationship[] }).items;
  const goldenOf = (source: string, sourceId: string) => env.goldenOf(source, sourceId);

  beforeAll(async () => {
    env = await TestEnvironment.create('relationships');
    await env.start();
    await env.produce('mdm.source.erp.customers', [{ key: 'erp', value: example('erp') }]);
    await eventually(() => count(env, `SELECT count(*) FROM xref WHERE source = 'erp'`), 'the ERP account');
    await env.produce('mdm.source.crm.customers', [{ key: 'crm', value: example('crm') }]);
    await eventually(() => count(env, `SELECT count(*) FROM xref WHERE source = 'crm'`).then((n) => n === 2), 'the CRM contact and account');
    person = (await goldenOf('crm', 'contact:003XY0000012AbC'))!;
    company = (await goldenOf('erp', 'C100234'))!;
  });

  afterAll(async () => {
    await env?.close();
  });

  it("attaches the CRM contact to her account's golden record, which the ERP account joined", async () => {
    // the CRM account and the ERP account are one company
    expect(await goldenOf('crm', 'account:001XY000003DefG')).toBe(company);
    expect(await relationshipsOf(person)).toEqual([expect.objectContaining({ role: 'account', direction: 'outgoing', goldenId: company, origin: 'source' })]);
    expect(await relationshipsOf(company)).toEqual([expect.objectContaining({ role: 'account', direction: 'incoming', goldenId: person, origin: 'source' })]);
  });

  it('keeps the contact attached to the account record when a steward splits the account side', async () => {
    const split = await post(`/golden-records/${company}/unmerge`, { sourceRecords: ['crm:account:001XY000003DefG'], by: 'bob', reason: 'a subsidiary, not the same company' });
    expect(split.status).toBe(200);
    const subsidiary = ((await split.json()) as { split: { goldenId: string } }).split.goldenId;
    expect(await relationshipsOf(person)).toEqual([expect.objectContaining({ role: 'account', goldenId: subsidiary })]);
    expect(await relationshipsOf(company)).toEqual([]);
  });

  it('lets a steward attach a qualified lead to an account; both sides see it', async () => {
    await env.produce('mdm.source.forms.customers', [{ key: 'lead', value: JSON.stringify({ submissionId: 'L-9', fields: { name: 'Paul Girard', email: 'p.girard@exemple-bio.fr' }, submittedAt: '2026-11-22T00:00:00Z' }) }]);
    const lead = await eventually(() => goldenOf('forms', 'L-9'), 'the lead');
    const attached = await post(`/golden-records/${lead}/relationships`, { role: 'account', goldenId: company, by: 'carla', reason: 'qualified on the phone: buyer at Dupont & Fils' });
    expect(attached.status).toBe(201);
    expect(await relationshipsOf(lead)).toEqual([expect.objectContaining({ role: 'account', direction: 'outgoing', goldenId: company, origin: 'steward' })]);
    expect(await relationshipsOf(company)).toEqual([expect.objectContaining({ direction: 'incoming', goldenId: lead, origin: 'steward' })]);
    const bad = await post(`/golden-records/${lead}/relationships`, { role: 'Account!', goldenId: 'nope', by: 'carla', reason: 'x' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/role.*goldenId|goldenId.*role/);
  });
});
