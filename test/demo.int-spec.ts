import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createDatabaseIfMissing, findFreePorts, withDatabaseName } from '@mdm/infra';

const ROOT = join(__dirname, '..');

/** Runs the built `mdm` command as a user would, and returns its exit code and output. */
function runMdm(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'mdm.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('mdm demo', () => {
  it('ingests the example message of every source and prints the summary', async () => {
    expect(existsSync(join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js'))).toBe(true);
    const [kafkaPort, httpPort] = await findFreePorts(2);
    const database = `mdm_demo_${randomBytes(3).toString('hex')}`;
    await createDatabaseIfMissing(process.env.MDM_TEST_DATABASE_URL!, database);
    const env = {
      MDM_HOME: mkdtempSync(join(tmpdir(), 'mdm-demo-')),
      MDM_KAFKA_BROKERS: `127.0.0.1:${kafkaPort}`,
      MDM_HTTP_PORT: String(httpPort),
      DATABASE_URL: withDatabaseName(process.env.MDM_TEST_DATABASE_URL!, database),
      MDM_LOG_LEVEL: 'error',
    };
    const { code, out } = await runMdm(['demo', '--exit'], env);
    expect({ code, out }).toMatchObject({ code: 0 });
    // the examples: five records, two customers: the company (ERP + CRM account) and the person (CRM
    // contact, online account, lead); then four online accounts and four look-alike leads, each lead
    // alike enough to its account for a steward to look at, not enough to link: eight more customers
    expect(out).toMatch(/Records in:\s+13 \(crm 2, ecommerce 5, erp 1, forms 5\)/);
    expect(out).toMatch(/Golden records:\s+10\n/);
    expect(out).toMatch(/Open tasks:\s+\d+ \(.*possible-match 4.*\)\n/);
    expect(out).toMatch(/Dead letters:\s+0\n/);
    expect(out).toMatch(/Unpublished:\s+0\n/);

    // the console, and the account to sign in to it with
    expect(out).toMatch(new RegExp(`^Console: http://127\\.0\\.0\\.1:${httpPort}/console/  — sign in as steward \\(password [\\w-]{16}\\)`, 'm'));
    // one account per role, each with the password to sign in with
    for (const role of ['admin', 'steward', 'viewer']) expect(out).toMatch(new RegExp(`^  ${role} +[\\w-]{16}  \\(${role}\\)$`, 'm'));

    // then: why does the company's golden record say what it says?
    const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1 });
    const [{ golden_id: company }] = (await pool.query(`SELECT golden_id FROM xref WHERE source = 'erp'`)).rows;
    const explained = await runMdm(['explain-golden', company], env);
    expect(explained.code).toBe(0);
    // the ERP is master of the legal identity; the website only the CRM knows
    expect(explained.out).toMatch(/legalName = .* from erp:C100234 .*source priority/);
    expect(explained.out).toMatch(/website = .* from crm:account:001XY000003DefG/);

    // access from the command line: a user with a generated password, a key restricted to a source
    const user = await runMdm(['users', 'add', 'alice', '--role', 'steward'], env);
    expect(user).toMatchObject({ code: 0, out: expect.stringMatching(/user alice created with roles steward\npassword: [\w-]{16} /) });
    const key = await runMdm(['api-keys', 'create', 'erp-sync', '--role', 'system', '--sources', 'erp'], env);
    expect(key).toMatchObject({ code: 0, out: expect.stringMatching(/sources erp\nkey: mdm_[\w-]{43} /) });
    const rows = (await pool.query(`SELECT (SELECT roles FROM app_user WHERE username = 'alice') AS roles, (SELECT sources FROM api_key WHERE name = 'erp-sync') AS sources`)).rows;
    expect(rows).toEqual([{ roles: ['steward'], sources: ['erp'] }]);
    await pool.end();
  });
});
