import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { publishConsoleData } from './support/console-data';
import { TestEnvironment } from './support/harness';

const OUT = join(__dirname, '..', 'docs', 'console');

/** Screenshots of the console's main pages, at a laptop's 1366×768, signed in as the demo steward. */
describe('console screenshots', () => {
  let env: TestEnvironment;
  let browser: Browser;
  let page: Page;
  const url = (hash: string) => `${env.engine!.url}/console/${hash}`;
  const shoot = (name: string, fullPage = false) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage });

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchBrowser();
    env = await TestEnvironment.create('screenshots');
    await env.start();
    await publishConsoleData(env);
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('takes the login, queue, task (in French and English), golden record, dashboard and shortcut pages', async () => {
    await page.goto(url(''));
    await page.waitForSelector('#login-username');
    await shoot('login');

    const { username, password } = env.account('steward');
    await page.fill('#login-username', username);
    await page.fill('#login-password', password);
    await page.click('form.login button[type=submit]');
    await page.waitForSelector('table.queue');
    // the names replace the records' `source:id` as the tasks' details come
    await page.locator('[data-names]', { hasText: 'forms:' }).first().waitFor({ state: 'detached' });
    await shoot('queue');

    await page.click('#start-review');
    await page.waitForSelector('[data-testid=weights-chart]');
    await page.fill('#decision-reason', 'même téléphone, confirmé par le client');
    await page.locator('#decision-reason').blur();
    await shoot('task');

    const [person] = await env.db.query(`SELECT golden_id FROM xref WHERE source = 'ecommerce' AND source_id = '58213'`);
    await page.goto(url(`#/golden/${person.golden_id}`));
    await page.waitForSelector('[data-testid=source-records]');
    await page.check('input[data-source-record="forms:f-2026-11-21-8841"]');
    await page.fill('#split-reason', "c'est sa collègue");
    await page.click('#split-preview');
    await page.waitForSelector('[data-testid=split-preview] .result-card');
    await shoot('golden-record', true);

    await page.goto(url('#/dashboard'));
    await page.waitForSelector('[data-testid=quality]');
    await shoot('dashboard');

    // the same review in English
    await page.goto(url('#/queue'));
    await page.waitForSelector('table.queue');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('h1', { hasText: /^Review queue$/ }).waitFor();
    await page.click('#start-review');
    await page.waitForSelector('[data-testid=weights-chart]');
    await shoot('task-en');
    await page.getByRole('button', { name: 'Passer en français' }).click();

    await page.goto(url('#/queue'));
    await page.locator('h1', { hasText: /^File de revue$/ }).waitFor();
    await page.keyboard.press('?');
    await page.waitForSelector('dialog[open]');
    await shoot('shortcuts');
  });
});
