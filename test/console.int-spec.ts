import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { publishConsoleData } from './support/console-data';
import { TestEnvironment } from './support/harness';

const PERSON_LEAD = 'forms:f-2026-11-21-8841';

interface TaskSummary {
  id: string;
  type: string;
  status: string;
  record: { source: string; sourceId: string };
  candidate: { source: string; sourceId: string };
}

/**
 * The steward console in a real browser (headless Chromium), on the engine with real Kafka and
 * PostgreSQL: sign in, work through the queue, split a golden record; every result checked through
 * the API, not through the page.
 */
describe('the steward console in a browser', () => {
  let env: TestEnvironment;
  let browser: Browser;
  let page: Page;
  let tasks: TaskSummary[];
  const pageErrors: string[] = [];

  const api = async <T>(path: string): Promise<T> => {
    const response = await env.request('GET', path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const taskOf = (lead: string) => tasks.find((t) => t.record.source === 'forms' && t.record.sourceId === lead)!;
  const goldenOf = async (source: string, sourceId: string) => (await api<{ goldenId: string }>(`/source-records/${source}/${encodeURIComponent(sourceId)}`)).goldenId;
  const consoleUrl = (hash: string) => `${env.engine!.url}/console/${hash}`;

  beforeAll(async () => {
    // first, so that a machine without Chromium fails here with the message saying how to install it
    browser = await launchBrowser();
    env = await TestEnvironment.create('console');
    await env.start();
    await publishConsoleData(env);
    tasks = (await api<{ items: TaskSummary[] }>('/tasks?type=possible-match')).items;
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('has review tasks and a golden record of several sources to work on', async () => {
    expect(tasks.map((t) => t.record.sourceId).sort()).toEqual(['L-601', 'L-602', 'L-603', 'L-604']);
    expect(tasks.every((t) => t.status === 'open' && t.candidate.source === 'ecommerce')).toBe(true);
    const person = await goldenOf('forms', 'f-2026-11-21-8841');
    expect(await goldenOf('ecommerce', '58213')).toBe(person);
    expect(await goldenOf('crm', 'contact:003XY0000012AbC')).toBe(person);
  });

  it('signs the steward in with the account the demo creates, and shows the queue by priority', async () => {
    await page.goto(consoleUrl(''));
    await page.waitForSelector('#login-username');
    // French by default
    expect(await page.locator('h1').textContent()).toBe('Connexion');
    const { username, password } = env.account('steward');
    await page.fill('#login-username', username);
    await page.fill('#login-password', 'not-the-password');
    await page.click('form.login button[type=submit]');
    await page.waitForSelector('.notice-error');
    expect(await page.locator('.notice-error').textContent()).toBe('Identifiant ou mot de passe incorrect.');

    await page.fill('#login-password', password);
    // the queue reads its page of tasks, names included, in one request
    const taskReads: string[] = [];
    const onRequest = (request: { url: () => string }) => {
      if (/\/tasks\/[0-9a-f-]{36}$/.test(new URL(request.url()).pathname)) taskReads.push(request.url());
    };
    page.on('request', onRequest);
    await page.click('form.login button[type=submit]');
    await page.waitForSelector('table.queue');
    expect(await page.getByTestId('user').textContent()).toContain('gestionnaire');
    // the token is kept for the tab only
    // (page functions as text: the browser's globals are not the test's)
    const token = await page.evaluate(`JSON.parse(sessionStorage.getItem('mdm.console.session') ?? '{}').token`);
    expect(token).toEqual(expect.any(String));
    expect(await page.evaluate('Object.values(localStorage)')).not.toContain(token);

    // the open tasks in the API's order: most likely first, then oldest
    const open = (await api<{ items: TaskSummary[] }>('/tasks')).items;
    const rows = await page.locator('table.queue tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-task-id')));
    expect(rows).toEqual(open.map((t) => t.id));
    expect(rows).toEqual(expect.arrayContaining(tasks.map((t) => t.id)));
    // each row names both records, from the list itself
    const names = await page.locator(`tr[data-task-id="${taskOf('L-601').id}"] td.names`).textContent();
    // the web form's lead as typed, and the CRM contact
    expect(names).toContain('MOREAU Helene');
    expect(names).toContain('Hélène Moreau');
    expect(open.find((t) => t.id === taskOf('L-601').id)?.record).toMatchObject({ kind: 'person', displayName: 'MOREAU Helene' });
    page.off('request', onRequest);
    expect(taskReads).toEqual([]);
  });

  it('merges one possible match with a click, then shows the next task by itself', async () => {
    const task = taskOf('L-601');
    await page.click(`[data-task-id="${task.id}"] a`);
    await page.waitForSelector('[data-testid=comparison]');
    // both records side by side, the differences highlighted, the weights drawn
    expect(await page.locator('[data-testid=comparison] thead').textContent()).toContain('Hélène Moreau');
    expect(await page.locator('[data-testid=comparison] tr.differs[data-attribute=postalCode]').count()).toBe(1);
    expect(await page.locator('[data-testid=weights-chart] g.for').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=weights-chart] g.against').count()).toBeGreaterThan(0);

    await page.fill('#decision-reason', 'même nom, quartier voisin : confirmé par téléphone');
    await page.getByTestId('merge').click();
    await page.waitForURL((url) => url.hash.startsWith('#/tasks/') && !url.hash.includes(task.id));
    expect(await page.locator('#notice').textContent()).toBe('Fusion enregistrée.');
    await page.waitForSelector('[data-testid=comparison]');
  });

  it('keeps another pair apart with the keyboard (n)', async () => {
    const task = taskOf('L-602');
    await page.goto(consoleUrl(`#/tasks/${task.id}`));
    await page.waitForSelector('[data-testid=comparison]');
    expect(await page.locator('[data-testid=comparison] thead').textContent()).toContain('Jean Dupont');
    await page.keyboard.press('n');
    await page.waitForURL((url) => url.hash.startsWith('#/tasks/') && !url.hash.includes(task.id));
    expect(await page.locator('#notice').textContent()).toBe('Enregistrements gardés séparés.');

    // s skips to another task and leaves this one open
    await page.waitForSelector('[data-testid=comparison]');
    const skipped = page.url().split('#/tasks/')[1];
    expect([taskOf('L-603').id, taskOf('L-604').id]).toContain(skipped);
    await page.keyboard.press('s');
    await page.waitForURL((url) => url.hash.startsWith('#/tasks/') && !url.hash.includes(skipped));
    expect(await page.locator('#notice').textContent()).toBe('Tâche passée.');
  });

  it('splits a source record out of a golden record after a preview', async () => {
    const person = await goldenOf('forms', 'f-2026-11-21-8841');
    await page.goto(consoleUrl('#/search'));
    await page.fill('#search-q', 'camille.lefevre@dupont-fils.fr');
    await page.keyboard.press('Enter');
    await page.click(`[data-testid=search-results] a[href="#/golden/${person}"]`);
    await page.waitForSelector('[data-testid=source-records]');
    expect(await page.locator('[data-testid=golden-values] tr[data-attribute=lastName] td').first().textContent()).toBe('Lefèvre');

    await page.check(`input[data-source-record="${PERSON_LEAD}"]`);
    await page.fill('#split-reason', "c'est sa collègue, pas elle");
    expect(await page.locator('#split-confirm').isDisabled()).toBe(true);
    await page.click('#split-preview');
    await page.waitForSelector('[data-testid=split-preview] .result-card');
    expect(await page.locator('[data-testid=split-preview] .result-card').nth(1).textContent()).toContain('f-2026-11-21-8841');
    await page.click('#split-confirm');
    await page.waitForSelector('[data-testid=split-done]');
    expect(await page.locator('[data-testid=source-records] li').count()).toBe(2);
  });

  it('has done, through the API, exactly what the steward asked', async () => {
    // merged: the lead joined the online account's golden record, the task is closed
    expect(await goldenOf('forms', 'L-601')).toBe(await goldenOf('ecommerce', 'W-501'));
    expect(await api(`/tasks/${taskOf('L-601').id}`)).toMatchObject({ status: 'resolved' });
    // apart: two golden records still, the task closed
    expect(await goldenOf('forms', 'L-602')).not.toBe(await goldenOf('ecommerce', 'W-502'));
    expect(await api(`/tasks/${taskOf('L-602').id}`)).toMatchObject({ status: 'resolved' });
    // untouched: the other two tasks are still open
    for (const lead of ['L-603', 'L-604']) expect(await api(`/tasks/${taskOf(lead).id}`)).toMatchObject({ status: 'open' });

    // split: the lead has a golden record of its own, the person keeps her two other records
    const person = await goldenOf('ecommerce', '58213');
    const lead = await goldenOf('forms', 'f-2026-11-21-8841');
    expect(lead).not.toBe(person);
    const view = await api<{ sourceRecords: { source: string; sourceId: string }[]; decisions: { decision: string; decidedBy: string }[] }>(`/golden-records/${person}/view`);
    expect(view.sourceRecords.map((r) => `${r.source}:${r.sourceId}`)).toEqual(['crm:contact:003XY0000012AbC', 'ecommerce:58213']);
    // every decision is signed by the steward who signed in
    expect(view.decisions.filter((d) => d.decision === 'not-a-match').map((d) => d.decidedBy)).toEqual(['steward', 'steward']);
    const decided: { decided_by: string }[] = await env.db.query(`SELECT DISTINCT decided_by FROM match_decision`);
    expect(decided.map((d) => d.decided_by)).toEqual(['steward']);
    expect(pageErrors).toEqual([]);
  });

  it('assigns a task to the steward, and filters the queue on it', async () => {
    const task = taskOf('L-604');
    await page.goto(consoleUrl(`#/tasks/${task.id}`));
    await page.getByRole('button', { name: "Me l'attribuer" }).click();
    await page.locator('p.muted', { hasText: 'Attribuée à steward' }).waitFor();
    await page.goto(consoleUrl('#/queue'));
    await page.selectOption('#filter-assignee', { label: 'Moi' });
    await page.waitForURL((url) => url.hash.includes('assignee=steward'));
    await page.waitForSelector(`table.queue tbody tr[data-task-id="${task.id}"]`);
    expect(await page.locator('table.queue tbody tr').count()).toBe(1);
    expect(await api(`/tasks/${task.id}`)).toMatchObject({ assignee: 'steward', status: 'open' });
  });

  it('lets a viewer look at a task, masked, without deciding', async () => {
    const viewer = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await viewer.goto(consoleUrl(`#/tasks/${taskOf('L-603').id}`));
      await viewer.waitForSelector('#login-username');
      const { username, password } = env.account('viewer');
      await viewer.fill('#login-username', username);
      await viewer.fill('#login-password', password);
      await viewer.click('form.login button[type=submit]');
      // back to the page asked for, after signing in
      await viewer.waitForSelector('[data-testid=comparison]');
      expect(await viewer.getByTestId('merge').isDisabled()).toBe(true);
      expect(await viewer.getByTestId('not-a-match').isDisabled()).toBe(true);
      // personal values masked by the API, on both sides of the comparison
      expect(await viewer.locator('[data-testid=comparison] tr[data-attribute=email] td').nth(1).textContent()).toBe('s***@laposte.net');
      expect(await viewer.locator('[data-testid=comparison] thead').textContent()).not.toContain('Garnier');
    } finally {
      await viewer.close();
    }
  });

  it('acts on the ticked tasks at once: assigns them, then decides "not a match" after a confirming click, and says which were refused', async () => {
    const [third, fourth] = [taskOf('L-603'), taskOf('L-604')];
    await page.goto(consoleUrl('#/queue?type=possible-match&assignee='));
    await page.waitForSelector(`table.queue tbody tr[data-task-id="${third.id}"]`);
    await page.getByTestId(`select-${third.id}`).check();
    await page.getByTestId(`select-${fourth.id}`).check();
    expect(await page.getByTestId('bulk-count').textContent()).toBe('2 sélectionnée(s)');
    // a tick does not open the task
    expect(page.url()).toContain('#/queue');
    await page.getByTestId('bulk-assign').click();
    await page.locator('.notice-success', { hasText: 'Fait pour 2 tâche(s).' }).waitFor();
    for (const task of [third, fourth]) expect(await api(`/tasks/${task.id}`)).toMatchObject({ assignee: 'steward', status: 'open' });

    // the queue came back with nothing ticked; tick both again
    await page.waitForSelector(`table.queue tbody tr[data-task-id="${third.id}"]`);
    expect(await page.getByTestId('bulk-count').textContent()).toBe('0 sélectionnée(s)');
    await page.getByTestId('select-all').check();
    await page.fill('#bulk-reason', 'two different customers, checked');
    await page.getByTestId('bulk-not-a-match').click();
    // nothing is decided before the confirming click; meanwhile another steward settles one of them
    expect(await api(`/tasks/${third.id}`)).toMatchObject({ status: 'open' });
    const other = await env.request('POST', `/tasks/${third.id}/decision`, { decision: 'not-a-match', reason: 'seen first' });
    expect(other.status).toBe(200);
    expect(await page.getByTestId('bulk-confirm').textContent()).toContain('2 tâche(s)');
    await page.getByTestId('bulk-confirm').click();
    const notice = page.locator('.notice-info', { hasText: '1 refusée(s)' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Cette tâche a déjà été traitée.');
    expect(await api(`/tasks/${fourth.id}`)).toMatchObject({ status: 'resolved' });
    const decided = await api<{ resolution: { decision: string; reason: string; by: string } }>(`/tasks/${fourth.id}`);
    expect(decided.resolution).toMatchObject({ decision: 'not-a-match', reason: 'two different customers, checked', by: 'steward' });
    await page.waitForSelector('p.empty');
    expect(pageErrors).toEqual([]);
  });

  it('switches to English and back', async () => {
    await page.goto(consoleUrl('#/dashboard'));
    await page.waitForSelector('[data-testid=open-tasks]');
    expect(await page.locator('h1').textContent()).toBe('Tableau de bord');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('h1', { hasText: /^Dashboard$/ }).waitFor();
    expect(await page.getByTestId('open-tasks').textContent()).toContain('Open tasks');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('button', { name: 'Passer en français' }).click();
    await page.locator('h1', { hasText: /^Tableau de bord$/ }).waitFor();
  });

  it('is served from the build output too', () => {
    // the engine users run is dist/: the build copies the console next to the compiled API
    const built = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'console', 'console-files.js');
    expect(existsSync(built)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const files = require(built) as typeof import('../apps/api/src/console/console-files');
    expect(files.CONSOLE_DIR).toBe(join(__dirname, '..', 'dist', 'apps', 'api', 'console'));
    expect(files.consoleFile('')).toEqual({ path: 'index.html', type: 'text/html; charset=utf-8' });
    expect(files.consoleFile('js/pages/task.js')).toMatchObject({ type: 'text/javascript; charset=utf-8' });
    expect(files.consoleFile('../src/console/console-files.js')).toBeNull();
  });
});
