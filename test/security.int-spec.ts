import { SignJWT } from 'jose';
import { TestEnvironment, count, eventually, exampleText } from './support/harness';

interface ApiError {
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}
interface Golden {
  goldenId: string;
  attributes: Record<string, unknown>;
}
interface AuditPage {
  total: number;
  items: { actorId: string | null; actorKind: string; action: string; targetType: string | null; targetId: string | null; reason: string | null; outcome: string; requestId: string | null }[];
}

/** Authentication, roles, source scopes, masking, validation, audit and rate limits of the API, on the real engine. */
describe('API security', () => {
  let env: TestEnvironment;
  let person: string;
  let company: string;
  const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;

  beforeAll(async () => {
    env = await TestEnvironment.create('security');
    // room for the sign-ins of the tests before the one that spends the budget
    await env.start({ MDM_RATE_LIMIT_LOGIN_PER_MINUTE: '15' });
    for (const source of ['erp', 'crm', 'ecommerce', 'forms']) await env.produce(`mdm.source.${source}.customers`, [{ key: source, value: exampleText(source) }]);
    await eventually(() => count(env, `SELECT count(*) FROM xref`).then((n) => n === 5), 'the five records resolved');
    person = (await env.goldenOf('ecommerce', '58213'))!;
    company = (await env.goldenOf('erp', 'C100234'))!;
    expect(person).not.toBe(company);
  });

  afterAll(async () => {
    await env?.close();
  });

  /** A token signed with the engine's secret, for the admin account, valid over [from, to]. */
  const adminToken = async (from: Date, to: Date) => {
    const [{ id }] = await env.db.query(`SELECT id FROM app_user WHERE username = 'admin'`);
    return new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(id)
      .setIssuer('mdm')
      .setAudience('mdm-api')
      .setIssuedAt(Math.floor(from.getTime() / 1000))
      .setExpirationTime(Math.floor(to.getTime() / 1000))
      .sign(new TextEncoder().encode(env.authSecret));
  };

  describe('authentication', () => {
    it('answers 401 UNAUTHENTICATED without credentials, with a bad token and with an expired one', async () => {
      const anonymous = await env.requestAs(null, 'GET', '/golden-records');
      expect(anonymous.status).toBe(401);
      expect(await json<ApiError>(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });

      const forged = await env.send({ authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }, 'GET', '/golden-records');
      expect(forged.status).toBe(401);
      expect((await json<ApiError>(forged)).code).toBe('UNAUTHENTICATED');

      // the same claims and secret: accepted while valid, refused once expired
      const hour = 3600_000;
      const valid = await adminToken(new Date(Date.now() - hour), new Date(Date.now() + hour));
      expect((await env.send({ authorization: `Bearer ${valid}` }, 'GET', '/golden-records')).status).toBe(200);
      const expired = await adminToken(new Date(Date.now() - 9 * hour), new Date(Date.now() - hour));
      const refused = await env.send({ authorization: `Bearer ${expired}` }, 'GET', '/golden-records');
      expect(refused.status).toBe(401);
      expect((await json<ApiError>(refused)).code).toBe('UNAUTHENTICATED');
    });

    it('accepts an API key until it is revoked', async () => {
      const key = await env.apiKey(['system']);
      expect((await env.send({ 'x-api-key': key }, 'GET', `/golden-records/${company}`)).status).toBe(200);
      const [{ id }] = (await json<{ items: { id: string; name: string; keyPrefix: string }[] }>(await env.request('GET', '/admin/api-keys'))).items.filter((k) => key.startsWith(k.keyPrefix));
      // only the hash is stored
      expect(JSON.stringify(await env.db.query(`SELECT * FROM api_key`))).not.toContain(key);
      expect((await env.request('DELETE', `/admin/api-keys/${id}`)).status).toBe(200);
      const revoked = await env.send({ 'x-api-key': key }, 'GET', `/golden-records/${company}`);
      expect(revoked.status).toBe(401);
      expect((await json<ApiError>(revoked)).code).toBe('UNAUTHENTICATED');
      expect((await env.send({ 'x-api-key': 'mdm_not-a-key' }, 'GET', '/stats')).status).toBe(401);
    });

    it('signs a user in, and answers the same 401 for a wrong password and an unknown user', async () => {
      const { username, password } = env.account('steward');
      const ok = await env.requestAs(null, 'POST', '/auth/login', { username, password });
      expect(ok.status).toBe(200);
      const session = await json<{ token: string; expiresAt: string; user: { id: string; name: string; roles: string[] } }>(ok);
      expect(session.user).toMatchObject({ id: 'steward', roles: ['steward'] });
      // MDM_AUTH_TOKEN_TTL defaults to 8 hours
      expect(Math.abs(new Date(session.expiresAt).getTime() - Date.now() - 8 * 3600_000)).toBeLessThan(60_000);
      const me = await env.send({ authorization: `Bearer ${session.token}` }, 'GET', '/auth/me');
      expect(await json(me)).toMatchObject({ id: 'steward', kind: 'person', roles: ['steward'] });

      const wrong = await env.requestAs(null, 'POST', '/auth/login', { username, password: `${password}x` });
      const unknown = await env.requestAs(null, 'POST', '/auth/login', { username: 'nobody', password });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(await json(wrong)).toEqual(await json(unknown));
      const audit = await env.db.query(`SELECT actor_kind, outcome, target_id FROM audit_entry WHERE action = 'auth.login' AND outcome = 'denied' ORDER BY at`);
      expect(audit).toEqual([
        { actor_kind: 'anonymous', outcome: 'denied', target_id: 'steward' },
        { actor_kind: 'anonymous', outcome: 'denied', target_id: 'nobody' },
      ]);
    });

    it('keeps health and the OpenAPI document public, with both security schemes declared', async () => {
      expect((await env.requestAs(null, 'GET', '/health/live')).status).toBe(200);
      const response = await env.requestAs(null, 'GET', '/openapi.json');
      expect(response.status).toBe(200);
      const document = await json<{ openapi: string; paths: Record<string, unknown>; components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> } }>(response);
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/golden-records/{id}', '/auth/login', '/audit']));
      // public operations say so (an empty requirement: no credentials); the others need one of the schemes
      expect((document.paths['/auth/login'] as { post: { security?: unknown[] } }).post.security).toEqual([{}]);
      expect((document.paths['/golden-records/{id}'] as { get: { security?: unknown[] } }).get.security).toBeUndefined();
      expect((document as unknown as { security: unknown[] }).security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
      expect(document.components.securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer' }, 'api-key': { type: 'apiKey', in: 'header', name: 'X-Api-Key' } });
      expect((await env.requestAs(null, 'GET', '/docs')).status).toBe(200);
    });
  });

  describe('roles', () => {
    it('forbids a viewer a steward action, a steward the audit trail, a system the administration', async () => {
      const unmerge = await env.requestAs('viewer', 'POST', `/golden-records/${person}/unmerge`, { sourceRecords: ['forms:f-2026-11-21-8841'], by: 'v', reason: 'not allowed', preview: true });
      expect(unmerge.status).toBe(403);
      const error = await json<ApiError>(unmerge);
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toMatch(/steward/);

      const audit = await env.requestAs('steward', 'GET', '/audit');
      expect(audit.status).toBe(403);
      expect((await json<ApiError>(audit)).message).toMatch(/admin/);

      expect((await env.requestAs('system', 'GET', '/admin/users')).status).toBe(403);
      expect((await env.requestAs('system', 'GET', '/metrics')).status).toBe(200);
      expect((await env.requestAs('viewer', 'GET', '/metrics')).status).toBe(403);
      expect((await env.requestAs('viewer', 'GET', `/golden-records/${company}`)).status).toBe(200);
    });

    it('answers 404 to an API key restricted to other sources, as if the record did not exist', async () => {
      const erpOnly = await env.apiKey(['system'], ['erp']);
      const as = (path: string) => env.send({ 'x-api-key': erpOnly }, 'GET', path);
      // the person holds no ERP record; the company does
      const hidden = await as(`/golden-records/${person}`);
      expect(hidden.status).toBe(404);
      expect((await json<ApiError>(hidden)).code).toBe('GOLDEN_NOT_FOUND');
      expect((await as(`/golden-records/${person}/history`)).status).toBe(404);
      expect((await as(`/golden-records/${company}`)).status).toBe(200);
      const hiddenRecord = await as('/source-records/ecommerce/58213');
      expect(hiddenRecord.status).toBe(404);
      expect((await json<ApiError>(hiddenRecord)).code).toBe('SOURCE_RECORD_NOT_FOUND');
      expect((await as('/source-records/erp/C100234')).status).toBe(200);
      // lists hold only what it may see
      const list = await json<{ total: number; items: Golden[] }>(await as('/golden-records'));
      expect(list.items.map((g) => g.goldenId)).toEqual([company]);
      const members = await json<{ items: { source: string }[] }>(await as(`/golden-records/${company}/source-records`));
      expect(members.items.map((m) => m.source)).toEqual(['erp']);
      // an answer that mixes every source, record by record, is refused to it
      expect((await as('/tasks')).status).toBe(403);
      expect((await as('/stats')).status).toBe(200);
      // the unrestricted key sees both sources of the company
      const all = await json<{ items: { source: string }[] }>(await env.requestAs('system', 'GET', `/golden-records/${company}/source-records`));
      expect(all.items.map((m) => m.source).sort()).toEqual(['crm', 'erp']);
    });
  });

  describe('personal data', () => {
    it('is masked for a viewer and shown to a steward', async () => {
      const viewed = await json<Golden>(await env.requestAs('viewer', 'GET', `/golden-records/${person}`));
      const a = viewed.attributes as { firstName: string; lastName: string; email: string[]; phone: string[]; city: string; birthDate?: string };
      expect(a.email[0]).toMatch(/^c\*\*\*@dupont-fils\.fr$/);
      expect(a.phone.every((p) => /^\*+\d\d$/.test(p))).toBe(true);
      expect(a.firstName).toBe('C***');
      expect(a.lastName).toBe('L***');
      expect(a.city).toBe('Lyon');
      for (const path of [`/golden-records/${person}`, `/golden-records/${person}/explain`, `/golden-records/${person}/source-records`, `/golden-records/${person}/history`, '/source-records/ecommerce/58213']) {
        const text = await (await env.requestAs('viewer', 'GET', path)).text();
        expect({ path, leaks: text.match(/camille|lef[eè]vre|12 ?34 ?56|0612|1986/gi) }).toEqual({ path, leaks: null });
      }

      const stewarded = await json<Golden>(await env.requestAs('steward', 'GET', `/golden-records/${person}`));
      expect(stewarded.attributes).toMatchObject({ firstName: 'Camille', lastName: 'Lefèvre', email: expect.arrayContaining(['camille.lefevre@dupont-fils.fr']) });
    });

    it('audits every unmasked read, never a viewer’s masked one, and never writes a value', async () => {
      const before = await count(env, `SELECT count(*) FROM audit_entry WHERE actor_id = 'viewer'`);
      await env.requestAs('viewer', 'GET', `/golden-records/${person}`);
      expect(await count(env, `SELECT count(*) FROM audit_entry WHERE actor_id = 'viewer'`)).toBe(before);

      const read = await env.requestAs('steward', 'GET', `/golden-records/${person}`);
      const requestId = read.headers.get('x-request-id');
      const page = await json<AuditPage>(await env.request('GET', `/audit?actor=steward&action=${encodeURIComponent('GET /golden-records/:id')}&targetId=${person}`));
      expect(page.items.find((e) => e.requestId === requestId)).toMatchObject({ actorKind: 'person', targetType: 'golden-record', targetId: person, outcome: 'succeeded' });
    });

    it('pages the audit trail with limit and offset, as every list, newest first', async () => {
      const all = await json<AuditPage & { limit: number; offset: number }>(await env.request('GET', '/audit?limit=500'));
      expect(all.total).toBeGreaterThan(2);
      const second = await json<AuditPage & { limit: number; offset: number }>(await env.request('GET', '/audit?limit=1&offset=1'));
      expect(second).toMatchObject({ total: all.total, limit: 1, offset: 1 });
      expect(second.items).toEqual([all.items[1]]);
      const wrong = await env.request('GET', '/audit?offset=-1');
      expect(wrong.status).toBe(400);
      expect((await json<ApiError>(wrong)).details).toEqual([expect.objectContaining({ field: 'offset' })]);
    });
  });

  describe('steward actions', () => {
    it('refuses an unknown body field and names it', async () => {
      const response = await env.requestAs('steward', 'POST', `/golden-records/${person}/unmerge`, { sourceRecords: ['forms:f-2026-11-21-8841'], by: 's', reason: 'a reason', preview: true, force: true });
      expect(response.status).toBe(400);
      const error = await json<ApiError>(response);
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.details).toEqual([{ field: 'force', message: 'force is not a known field' }]);
    });

    it('audits a steward action, before and after, without the value it set', async () => {
      const response = await env.requestAs('steward', 'PUT', `/golden-records/${person}/overrides/firstName`, { value: 'Camilla', by: 'steward', reason: 'as she signs her letters' });
      expect(response.status).toBe(200);
      const page = await json<AuditPage>(await env.request('GET', `/audit?action=${encodeURIComponent('PUT /golden-records/:id/overrides/:attribute')}`));
      expect(page.items).toEqual([
        expect.objectContaining({ actorId: 'steward', actorKind: 'person', targetType: 'golden-record', targetId: person, reason: 'as she signs her letters', outcome: 'succeeded', requestId: response.headers.get('x-request-id') }),
      ]);
      const everything = JSON.stringify(await env.db.query(`SELECT * FROM audit_entry`));
      expect(everything).not.toMatch(/camill|lef[eè]vre|dupont-fils|612345678/i);
    });

    it('does not act when the audit trail cannot be written', async () => {
      const [before] = await env.db.query(`SELECT version, attributes->>'lastName' AS "lastName" FROM golden_record WHERE id = $1`, [person]);
      await env.db.query(`ALTER TABLE audit_entry RENAME TO audit_entry_away`);
      try {
        const response = await env.requestAs('steward', 'PUT', `/golden-records/${person}/overrides/lastName`, { value: 'Le Fèvre', by: 'steward', reason: 'as on her passport' });
        expect(response.status).toBe(503);
        expect((await json<ApiError>(response)).code).toBe('AUDIT_UNAVAILABLE');
      } finally {
        await env.db.query(`ALTER TABLE audit_entry_away RENAME TO audit_entry`);
      }
      const [after] = await env.db.query(`SELECT version, attributes->>'lastName' AS "lastName" FROM golden_record WHERE id = $1`, [person]);
      expect(after).toEqual(before);
      expect(after.lastName).not.toBe('Le Fèvre');
    });
  });

  describe('administration', () => {
    it('creates users and keys, shows a key once, and audits both', async () => {
      const created = await env.request('POST', '/admin/users', { username: 'marie', roles: ['viewer'] });
      expect(created.status).toBe(201);
      const user = await json<{ id: string; username: string; password: string }>(created);
      expect(user.password).toHaveLength(16);
      expect((await env.request('POST', '/admin/users', { username: 'marie', roles: ['viewer'] })).status).toBe(409);
      expect((await env.requestAs(null, 'POST', '/auth/login', { username: 'marie', password: user.password })).status).toBe(200);
      const users = await json<{ items: Record<string, unknown>[] }>(await env.request('GET', '/admin/users'));
      expect(JSON.stringify(users)).not.toMatch(/scrypt|password/i);
      // disabled: her session ends at once, and she cannot sign in again
      const session = await json<{ token: string }>(await env.requestAs(null, 'POST', '/auth/login', { username: 'marie', password: user.password }));
      expect((await env.send({ authorization: `Bearer ${session.token}` }, 'GET', '/auth/me')).status).toBe(200);
      expect(await json(await env.request('PATCH', `/admin/users/${user.id}`, { disabled: true }))).toMatchObject({ username: 'marie', disabled: true });
      expect((await env.send({ authorization: `Bearer ${session.token}` }, 'GET', '/auth/me')).status).toBe(401);
      expect((await env.requestAs(null, 'POST', '/auth/login', { username: 'marie', password: user.password })).status).toBe(401);

      const key = await json<{ id: string; key: string }>(await env.request('POST', '/admin/api-keys', { name: 'erp-sync', roles: ['system'], sources: ['erp'] }));
      const listed = JSON.stringify(await json(await env.request('GET', '/admin/api-keys')));
      expect(listed).toContain(key.id);
      expect(listed).not.toContain(key.key);
      const entries = await env.db.query(`SELECT action, target_type, target_id, outcome FROM audit_entry WHERE action LIKE 'POST /admin/%' ORDER BY at`);
      expect(entries).toEqual(
        expect.arrayContaining([
          { action: 'POST /admin/users', target_type: 'user', target_id: user.id, outcome: 'succeeded' },
          { action: 'POST /admin/api-keys', target_type: 'api-key', target_id: key.id, outcome: 'succeeded' },
        ]),
      );
    });
  });

  // last: it spends this address's sign-in budget
  describe('rate limits', () => {
    it('answers 429 RATE_LIMITED to repeated sign-in attempts', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 17; i++) statuses.push((await env.requestAs(null, 'POST', '/auth/login', { username: 'admin', password: `guess-${i}` })).status);
      // fifteen attempts a minute here (MDM_RATE_LIMIT_LOGIN_PER_MINUTE), some already spent by the sign-ins above
      const refused = statuses.indexOf(429);
      expect(refused).toBeGreaterThan(0);
      expect(statuses).toEqual([...Array(refused).fill(401), ...Array(statuses.length - refused).fill(429)]);
      const limited = await env.requestAs(null, 'POST', '/auth/login', env.account('admin'));
      expect(limited.status).toBe(429);
      expect((await json<ApiError>(limited)).code).toBe('RATE_LIMITED');
      // a signed-in caller is not held back by the sign-in limit
      expect((await env.request('GET', '/stats')).status).toBe(200);
    });
  });
});

describe('API rate limit per caller', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await TestEnvironment.create('security_limits');
    await env.start({ MDM_RATE_LIMIT_PER_MINUTE: '5' });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('gives each signed-in caller its own budget of requests per minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await env.requestAs('viewer', 'GET', '/stats')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await env.requestAs('viewer', 'GET', '/stats');
    expect(((await limited.json()) as ApiError).code).toBe('RATE_LIMITED');
    // another caller from the same address still has its budget
    expect((await env.requestAs('steward', 'GET', '/stats')).status).toBe(200);
  });
});
